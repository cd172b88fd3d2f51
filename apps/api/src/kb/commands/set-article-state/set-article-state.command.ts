import { Command } from '@nestjs/cqrs';
import type { KbEditableArticle, KbState } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Publish now, schedule for later, take back to draft, or archive. */
export class SetArticleStateCommand extends Command<KbEditableArticle> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
    readonly version: number,
    readonly state: KbState,
    readonly publishAt: Date | undefined,
    /** The clock, injectable for tests. */
    readonly now: Date = new Date(),
  ) {
    super();
  }
}
