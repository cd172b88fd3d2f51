import { Command } from '@nestjs/cqrs';
import type { KbReader } from '../../kb-reader.js';

/** "Was this helpful?" from any reader of the article, signed in or not, with an optional comment. */
export class RateArticleCommand extends Command<{ ok: true }> {
  constructor(
    readonly reader: KbReader,
    readonly id: number,
    readonly helpful: boolean,
    readonly comment: string | undefined,
  ) {
    super();
  }
}
