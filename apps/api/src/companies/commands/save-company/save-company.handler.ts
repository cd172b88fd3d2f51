import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Company } from '@switchboard/contracts';
import { QueryTypes } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { AuditRepository } from '../../../audit/audit.repository.js';
import { CompanyErrors } from '../../companies.errors.js';
import { CompanyRepository } from '../../company.repository.js';
import { SaveCompanyCommand } from './save-company.command.js';

/** Admins create and edit companies: name, ticket visibility, branding, assigned agents. */
@CommandHandler(SaveCompanyCommand)
export class SaveCompanyHandler implements ICommandHandler<SaveCompanyCommand, Company> {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly companies: CompanyRepository,
    private readonly audit: AuditRepository,
  ) {}

  async execute({ actor, input }: SaveCompanyCommand): Promise<Company> {
    if (actor.ability.cannot('manage', 'Company')) throw CompanyErrors.forbidden('change companies');
    const { id, agentIds, ...changes } = input;
    return this.sequelize.transaction(async (transaction) => {
      const before = id ? (await this.companies.list({}, [id], transaction))[0] : null;
      if (id && !before) throw CompanyErrors.notFound('company', id);
      if (agentIds?.length) {
        const staff = await this.sequelize.query<{ id: number }>("SELECT id FROM users WHERE id IN (?) AND role IN ('agent','manager','admin')", {
          replacements: [agentIds],
          type: QueryTypes.SELECT,
          transaction,
        });
        const known = new Set(staff.map((s) => s.id));
        const bad = agentIds.findIndex((a) => !known.has(a));
        if (bad >= 0) throw CompanyErrors.invalidReference(`agentIds.${bad}`, `user ${agentIds[bad]} is not a staff member`);
      }
      const savedId = await this.companies.save(id, changes, transaction);
      if (agentIds) await this.companies.setAgents(savedId, agentIds, transaction);
      await this.audit.record(actor, { action: id ? 'company.updated' : 'company.created', subjectType: 'Company', subjectId: savedId, before, after: input }, transaction);
      return (await this.companies.list({}, [savedId], transaction))[0];
    });
  }
}
