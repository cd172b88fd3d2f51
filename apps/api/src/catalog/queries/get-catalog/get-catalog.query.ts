import { Query } from '@nestjs/cqrs';
import type { Catalog } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class GetCatalogQuery extends Query<Catalog> {
  constructor(readonly actor: Actor) {
    super();
  }
}
