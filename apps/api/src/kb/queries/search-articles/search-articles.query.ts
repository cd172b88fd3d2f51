import { Query } from '@nestjs/cqrs';
import type { KbSearchResult, zKbSearchInput } from '@switchboard/contracts';
import type { z } from 'zod';
import type { KbReader } from '../../kb-reader.js';

/** Full-text search over the published articles this reader may read. */
export class SearchArticlesQuery extends Query<KbSearchResult> {
  constructor(
    readonly reader: KbReader,
    readonly input: z.output<typeof zKbSearchInput>,
    /** Record a query that finds nothing, for managers (the deflection box does not, it searches as the customer types). */
    readonly logMisses = true,
  ) {
    super();
  }
}
