import { Command } from '@nestjs/cqrs';
import type { KbEditableArticle, zKbUpdateArticleInput } from '@switchboard/contracts';
import type { z } from 'zod';
import type { Actor } from '../../../common/actor.js';

/** An edit: a new version of the content, at the version the editor opened. */
export class UpdateArticleCommand extends Command<KbEditableArticle> {
  constructor(
    readonly actor: Actor,
    readonly input: z.output<typeof zKbUpdateArticleInput>,
  ) {
    super();
  }
}
