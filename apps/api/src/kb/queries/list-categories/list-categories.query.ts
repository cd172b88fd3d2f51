import { Query } from '@nestjs/cqrs';
import type { KbCategory } from '@switchboard/contracts';
import type { KbReader } from '../../kb-reader.js';

/** The whole category tree, flat, ordered by position then name. */
export class ListCategoriesQuery extends Query<KbCategory[]> {
  constructor(readonly reader: KbReader) {
    super();
  }
}
