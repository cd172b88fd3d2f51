import { Query } from '@nestjs/cqrs';
import type { KbSearchResult, zKbSearchInput } from '@switchboard/contracts';
import type { z } from 'zod';
import type { KbReader } from '../../kb-reader.js';

/** Full-text search over the published articles this reader may read. */
export class SearchArticlesQuery extends Query<KbSearchResult> {
  constructor(
    readonly reader: KbReader,
    readonly input: z.output<typeof zKbSearchInput>,
    /**
     * Deflection: the text is what a customer is typing into a new ticket, not a query. Any word may
     * match (ranked by how many and how rare), and finding nothing is not logged as a search miss.
     */
    readonly deflection = false,
    /** Who is asking, for the search-miss log's dedupe and cap: `user:<id>`, else `ip:<address>`. */
    readonly client = 'unknown',
  ) {
    super();
  }
}
