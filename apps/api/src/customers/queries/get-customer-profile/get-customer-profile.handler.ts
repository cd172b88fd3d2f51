import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CustomerProfile } from '@switchboard/contracts';
import { CustomerProfileRepository } from '../../customer-profile.repository.js';
import { CustomerErrors } from '../../customers.errors.js';
import { GetCustomerProfileQuery } from './get-customer-profile.query.js';

/** Staff read a customer's CRM view; notes come only with the right to read them. */
@QueryHandler(GetCustomerProfileQuery)
export class GetCustomerProfileHandler implements IQueryHandler<GetCustomerProfileQuery, CustomerProfile> {
  constructor(private readonly customers: CustomerProfileRepository) {}

  async execute({ actor, customerId }: GetCustomerProfileQuery): Promise<CustomerProfile> {
    if (actor.ability.cannot('read', 'CustomerProfile')) throw CustomerErrors.forbidden('see customer profiles');
    const profile = await this.customers.profile(customerId);
    if (!profile) throw CustomerErrors.notFound(customerId);
    return actor.ability.can('read', 'CustomerNote') ? profile : { ...profile, notes: [] };
  }
}
