import { Command } from '@nestjs/cqrs';
import type { KbEditableArticle } from '@switchboard/contracts';
import type { Actor } from '../../../common/actor.js';

/** Brings back an earlier version's content as a new version; the history keeps everything in between. */
export class RestoreVersionCommand extends Command<KbEditableArticle> {
  constructor(
    readonly actor: Actor,
    readonly id: number,
    readonly number: number,
    readonly version: number,
  ) {
    super();
  }
}
