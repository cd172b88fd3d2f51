import { subject } from '@casl/ability';
import type { ArticleRow } from './kb-article-row.js';
import { KbErrors } from './kb.errors.js';
import { asArticleSubject } from './kb.mapper.js';
import type { KbReader } from './kb-reader.js';

/** The row, if this reader may read it; otherwise "not found" (ids and slugs reveal nothing). */
export function requireReadable(reader: KbReader, row: ArticleRow | null, ref: number | string): ArticleRow {
  if (!row || reader.ability.cannot('read', subject('KbArticle', asArticleSubject(row)))) throw KbErrors.articleNotFound(ref);
  return row;
}
