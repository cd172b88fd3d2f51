import { Query } from '@nestjs/cqrs';
import type { InboundEmail, InboundEmailStatus } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

export class ListInboundEmailsQuery extends Query<{ items: InboundEmail[]; total: number }> {
  constructor(
    readonly actor: Actor,
    readonly statuses: InboundEmailStatus[],
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
