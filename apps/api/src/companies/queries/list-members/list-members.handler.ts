import { subject } from '@casl/ability';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CompanyMember } from '@switchboard/contracts';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { CompanyErrors } from '../../companies.errors.js';
import { CompanyRepository } from '../../company.repository.js';
import { ListMembersQuery } from './list-members.query.js';

/** A company's users: for admins and managers, and for the company's own company admins. */
@QueryHandler(ListMembersQuery)
export class ListMembersHandler implements IQueryHandler<ListMembersQuery, CompanyMember[]> {
  constructor(private readonly companies: CompanyRepository) {}

  async execute({ actor, companyId }: ListMembersQuery): Promise<CompanyMember[]> {
    if (actor.ability.cannot('read', subject('Company', { id: companyId })) || !(await this.companies.exists(companyId))) {
      throw CompanyErrors.notFound('company', companyId, 'companyId');
    }
    const visible = accessibleWhere(actor.ability, 'read', 'User');
    if (visible === null) throw CompanyErrors.forbidden('see this company’s users');
    return this.companies.members(companyId, visible);
  }
}
