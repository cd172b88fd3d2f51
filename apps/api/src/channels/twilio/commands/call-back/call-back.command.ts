import { Command } from '@nestjs/cqrs';
import type { CallBackResult } from '@switchboard/contracts';
import type { Actor } from '../../../../common/actor.js';

/** An agent calls a ticket's requester back: Twilio rings the agent's phone, then bridges the customer. */
export class CallBackCommand extends Command<CallBackResult> {
  constructor(
    readonly actor: Actor,
    readonly ticketId: number,
    readonly agentPhone: string,
  ) {
    super();
  }
}
