import { Command } from '@nestjs/cqrs';
import type { KbReader } from '../../kb-reader.js';

/** "This solved my problem" on the new-ticket form: the article answered it, no ticket is opened. */
export class DeflectCommand extends Command<{ ok: true; slug: string }> {
  constructor(
    readonly reader: KbReader,
    readonly articleId: number,
    readonly query: string,
  ) {
    super();
  }
}
