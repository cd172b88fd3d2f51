import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { DomainError } from '../../../common/domain-error.js';
import { SlaSettingsRepository } from '../../sla-settings.repository.js';
import { SetCompanyDisplayCommand } from './set-company-display.command.js';

@CommandHandler(SetCompanyDisplayCommand)
export class SetCompanyDisplayHandler implements ICommandHandler<SetCompanyDisplayCommand, { companyId: number; show: boolean }> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly writes: SlaSettingsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, companyId, show }: SetCompanyDisplayCommand) {
    if (actor.ability.cannot('manage', 'SlaPolicy')) throw new DomainError('forbidden', 'SLA_FORBIDDEN', 'Only admins may change this');
    if (!(await this.writes.exists('companies', companyId))) throw new DomainError('not_found', 'SLA_COMPANY_NOT_FOUND', `companyId: there is no company #${companyId}`, 'companyId');
    await this.sequelize.transaction(async (transaction) => {
      await this.sequelize.query('UPDATE companies SET show_sla_to_customers = ? WHERE id = ?', { replacements: [show ? 1 : 0, companyId], transaction });
      await this.audit.record(actor, { action: 'sla.customer_display_changed', subjectType: 'Company', subjectId: companyId, after: { show } }, transaction);
    });
    return { companyId, show };
  }
}
