import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../common/actor.js';

/** Every failed row of one topic back to pending (after fixing what made them fail). */
export class RetryFailedTopicCommand extends Command<{ topic: string; retried: number }> {
  constructor(
    readonly actor: Actor,
    readonly topic: string,
  ) {
    super();
  }
}
