import { Query } from '@nestjs/cqrs';
import type { z } from 'zod';
import type { zSupportAddressList } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** SUPPORT_EMAIL and every configured support address (admins). */
export class ListSupportAddressesQuery extends Query<z.infer<typeof zSupportAddressList>> {
  constructor(readonly actor: Actor) {
    super();
  }
}
