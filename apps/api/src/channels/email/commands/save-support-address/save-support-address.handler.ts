import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SupportAddress } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../../audit/audit.repository.js';
import { APP_CONFIG } from '../../../../config/config.module.js';
import type { AppConfig } from '../../../../config/config.schema.js';
import { SupportAddresses, type SupportAddressRecord } from '../../addresses/support-addresses.js';
import { EmailErrors } from '../../email.errors.js';
import { SaveSupportAddressCommand } from './save-support-address.command.js';

export const toSupportAddress = (r: SupportAddressRecord): SupportAddress => ({
  id: r.id!,
  address: r.address,
  displayName: r.displayName,
  companyId: r.companyId,
  companyName: r.companyName,
});

/** Admins add or edit a support address; the address is unique (SUPPORT_EMAIL included); audited in the same transaction. */
@CommandHandler(SaveSupportAddressCommand)
export class SaveSupportAddressHandler implements ICommandHandler<SaveSupportAddressCommand, SupportAddress> {
  constructor(
    private readonly addresses: SupportAddresses,
    private readonly audit: AuditRepository,
    private readonly sequelize: Sequelize,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actor, input }: SaveSupportAddressCommand): Promise<SupportAddress> {
    if (actor.ability.cannot('manage', 'SupportAddress')) throw EmailErrors.forbidden('configure support addresses');
    const address = input.address.trim().toLowerCase();
    if (address === this.config.email.supportAddress) throw EmailErrors.addressTaken(address);
    const before = input.id ? await this.addresses.find(input.id) : null;
    if (input.id && !before) throw EmailErrors.addressNotFound(input.id);
    const companyId = input.companyId ?? null;
    if (companyId != null) {
      const found = await this.sequelize.query('SELECT id FROM companies WHERE id = ?', { replacements: [companyId], type: QueryTypes.SELECT });
      if (found.length === 0) throw EmailErrors.companyNotFound(companyId);
    }
    const id = await this.sequelize.transaction(async (transaction) => {
      const saved = await this.addresses.save({ id: input.id, address, displayName: input.displayName?.trim() || null, companyId }, transaction);
      if (saved == null) throw EmailErrors.addressTaken(address);
      await this.audit.record(
        actor,
        { action: 'support_address.saved', subjectType: 'SupportAddress', subjectId: saved, before, after: { address, displayName: input.displayName ?? null, companyId } },
        transaction,
      );
      return saved;
    });
    return toSupportAddress((await this.addresses.find(id))!);
  }
}
