import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CustomerNote } from '@switchboard/contracts';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { CustomerProfileRepository } from '../../customer-profile.repository.js';
import { CustomerErrors } from '../../customers.errors.js';
import { AddCustomerNoteCommand } from './add-customer-note.command.js';

/** A staff note about a customer: stored with its audit entry in one transaction. */
@CommandHandler(AddCustomerNoteCommand)
export class AddCustomerNoteHandler implements ICommandHandler<AddCustomerNoteCommand, CustomerNote> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly customers: CustomerProfileRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, customerId, body }: AddCustomerNoteCommand): Promise<CustomerNote> {
    if (actor.ability.cannot('create', 'CustomerNote')) throw CustomerErrors.forbidden('write notes about customers');
    return this.sequelize.transaction(async (transaction) => {
      if (!(await this.customers.exists(customerId, transaction))) throw CustomerErrors.notFound(customerId, 'customerId');
      const id = await this.customers.addNote(customerId, actor.user.id, body, transaction);
      await this.audit.record(actor, { action: 'customer.note_added', subjectType: 'User', subjectId: customerId, after: { noteId: id } }, transaction);
      return (await this.customers.notes(customerId, transaction)).find((n) => n.id === id)!;
    });
  }
}
