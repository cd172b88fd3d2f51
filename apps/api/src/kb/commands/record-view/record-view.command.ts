import { Command } from '@nestjs/cqrs';
import type { KbReader } from '../../kb-reader.js';

/** One reader opened the article (the portal's article page sends it; staff previews do not count). */
export class RecordViewCommand extends Command<{ ok: true }> {
  constructor(
    readonly reader: KbReader,
    readonly id: number,
  ) {
    super();
  }
}
