import { Query } from '@nestjs/cqrs';
import type { CustomerProfile } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class GetCustomerProfileQuery extends Query<CustomerProfile> {
  constructor(
    readonly actor: Actor,
    readonly customerId: number,
  ) {
    super();
  }
}
