import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Company } from '@switchboard/contracts';
import { accessibleWhere } from '../../../access/accessible-where.js';
import { CompanyRepository } from '../../company.repository.js';
import { ListCompaniesQuery } from './list-companies.query.js';

/** Staff see every company, a company user only their own: the rule becomes the SQL where. */
@QueryHandler(ListCompaniesQuery)
export class ListCompaniesHandler implements IQueryHandler<ListCompaniesQuery, Company[]> {
  constructor(private readonly companies: CompanyRepository) {}

  async execute({ actor }: ListCompaniesQuery): Promise<Company[]> {
    const visible = accessibleWhere(actor.ability, 'read', 'Company');
    return visible === null ? [] : this.companies.list(visible);
  }
}
