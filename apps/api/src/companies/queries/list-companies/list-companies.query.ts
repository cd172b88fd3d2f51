import { Query } from '@nestjs/cqrs';
import type { Company } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListCompaniesQuery extends Query<Company[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
