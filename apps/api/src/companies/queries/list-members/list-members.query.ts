import { Query } from '@nestjs/cqrs';
import type { CompanyMember } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListMembersQuery extends Query<CompanyMember[]> {
  constructor(
    readonly actor: Actor,
    readonly companyId: number,
  ) {
    super();
  }
}
