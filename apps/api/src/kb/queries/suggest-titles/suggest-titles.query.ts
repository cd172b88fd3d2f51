import { Query } from '@nestjs/cqrs';
import type { KbLink } from '@switchboard/contracts';
import type { KbReader } from '../../kb-reader.js';

/** Search-as-you-type: titles matching every word typed, the last one as a prefix. */
export class SuggestTitlesQuery extends Query<KbLink[]> {
  constructor(
    readonly reader: KbReader,
    readonly q: string,
    readonly locale: string | undefined,
  ) {
    super();
  }
}
