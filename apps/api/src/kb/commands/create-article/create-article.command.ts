import { Command } from '@nestjs/cqrs';
import type { KbEditableArticle, zKbArticleInput } from '@switchboard/contracts';
import type { z } from 'zod';
import type { Actor } from '../../../common/actor.js';

/** A new article, always a draft; it may translate another article into a new locale. */
export class CreateArticleCommand extends Command<KbEditableArticle> {
  constructor(
    readonly actor: Actor,
    readonly input: z.output<typeof zKbArticleInput>,
  ) {
    super();
  }
}
