import { Query } from '@nestjs/cqrs';
import type { zKbCategoryPage } from '@switchboard/contracts';
import type { z } from 'zod';
import type { KbReader } from '../../kb-reader.js';

/** A category with its breadcrumbs, subcategories and the published articles this reader may read. */
export class GetCategoryPageQuery extends Query<z.infer<typeof zKbCategoryPage>> {
  constructor(
    readonly reader: KbReader,
    readonly slug: string,
    readonly locale: string | undefined,
  ) {
    super();
  }
}
