import { Injectable } from '@nestjs/common';
import type { Channel } from '@switchboard/contracts';
import type { ReplySender } from './outgoing-reply.js';

/**
 * Which sender delivers a reply on which channel. Channel modules (email, twilio, ...) register
 * theirs in onModuleInit; a channel without one falls back to the default sender (an email
 * notification of the reply to the requester).
 */
@Injectable()
export class ReplySenders {
  private readonly senders = new Map<Channel, ReplySender>();

  register(channels: readonly Channel[], sender: ReplySender) {
    for (const channel of channels) {
      const existing = this.senders.get(channel);
      if (existing && existing !== sender) throw new Error(`two reply senders registered for the ${channel} channel`);
      this.senders.set(channel, sender);
    }
  }

  for(channel: Channel): ReplySender | null {
    return this.senders.get(channel) ?? null;
  }
}
