import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG } from '../../../../config/config.module.js';
import type { AppConfig } from '../../../../config/config.schema.js';
import { SupportAddresses } from '../../addresses/support-addresses.js';
import { toSupportAddress } from '../../commands/save-support-address/save-support-address.handler.js';
import { EmailErrors } from '../../email.errors.js';
import { ListSupportAddressesQuery } from './list-support-addresses.query.js';

@QueryHandler(ListSupportAddressesQuery)
export class ListSupportAddressesHandler implements IQueryHandler<ListSupportAddressesQuery> {
  constructor(
    private readonly addresses: SupportAddresses,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ actor }: ListSupportAddressesQuery) {
    if (actor.ability.cannot('manage', 'SupportAddress')) throw EmailErrors.forbidden('configure support addresses');
    return { defaultAddress: this.config.email.supportAddress, items: (await this.addresses.list()).map(toSupportAddress) };
  }
}
