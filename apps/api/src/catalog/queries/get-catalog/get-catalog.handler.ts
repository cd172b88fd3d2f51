import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Catalog } from '@switchboard/contracts';
import { toIssueType, toNamed } from '../../catalog.mapper.js';
import { CatalogRepository } from '../../catalog.repository.js';
import { GetCatalogQuery } from './get-catalog.query.js';

@QueryHandler(GetCatalogQuery)
export class GetCatalogHandler implements IQueryHandler<GetCatalogQuery, Catalog> {
  constructor(private readonly catalog: CatalogRepository) {}

  async execute({ actor }: GetCatalogQuery): Promise<Catalog> {
    const forCustomer = actor.user.role === 'customer';
    const [types, categories, teams, tags, agents] = await Promise.all([
      this.catalog.issueTypes({ activeOnly: forCustomer }),
      this.catalog.categoryList(),
      forCustomer ? [] : this.catalog.teamList(),
      forCustomer ? [] : this.catalog.tagNames(),
      forCustomer ? [] : this.catalog.staff(),
    ]);
    return {
      issueTypes: types.map((t) => toIssueType(t, forCustomer)),
      categories: categories.map(toNamed),
      teams: teams.map(toNamed),
      tags,
      agents: agents.map(toNamed),
    };
  }
}
