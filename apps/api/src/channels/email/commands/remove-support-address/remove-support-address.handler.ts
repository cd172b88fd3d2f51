import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../../audit/audit.repository.js';
import { SupportAddresses } from '../../addresses/support-addresses.js';
import { EmailErrors } from '../../email.errors.js';
import { RemoveSupportAddressCommand } from './remove-support-address.command.js';

@CommandHandler(RemoveSupportAddressCommand)
export class RemoveSupportAddressHandler implements ICommandHandler<RemoveSupportAddressCommand, { id: number }> {
  constructor(
    private readonly addresses: SupportAddresses,
    private readonly audit: AuditRepository,
    private readonly sequelize: Sequelize,
  ) {}

  async execute({ actor, id }: RemoveSupportAddressCommand) {
    if (actor.ability.cannot('manage', 'SupportAddress')) throw EmailErrors.forbidden('configure support addresses');
    const before = await this.addresses.find(id);
    if (!before) throw EmailErrors.addressNotFound(id);
    await this.sequelize.transaction(async (transaction) => {
      await this.addresses.remove(id, transaction);
      await this.audit.record(actor, { action: 'support_address.removed', subjectType: 'SupportAddress', subjectId: id, before, after: null }, transaction);
    });
    return { id };
  }
}
