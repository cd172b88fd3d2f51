import { Query } from '@nestjs/cqrs';

export interface SitemapEntry {
  slug: string;
  updatedAt: string;
}

/** Every article a visitor who is not signed in may read, for sitemap.xml; never more, whoever asks. */
export class SitemapQuery extends Query<SitemapEntry[]> {}
