import { Query } from '@nestjs/cqrs';
import type { OutboundMessage } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

export class ListOutboundMessagesQuery extends Query<{ items: OutboundMessage[]; total: number }> {
  constructor(
    readonly actor: Actor,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
