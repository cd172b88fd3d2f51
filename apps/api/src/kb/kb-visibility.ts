import { Utils, type Sequelize } from 'sequelize';
import { accessibleWhere } from '../access/accessible-where.js';
import type { AppAbility } from '../access/app-ability.js';
import { KbArticleModel } from './kb-article.model.js';

/**
 * The articles this ability may read, as a SQL condition on the table alias `alias`: the CASL rules
 * turned into SQL by accessibleWhere(), so search and lists never load a row only to hide it.
 * null when the ability may read no article at all.
 */
export function visibleArticlesSql(sequelize: Sequelize, ability: AppAbility, alias = 'a'): string | null {
  const where = accessibleWhere(ability, 'read', 'KbArticle');
  if (where === null) return null;
  const generator = sequelize.getQueryInterface().queryGenerator as unknown as {
    whereItemsQuery(where: unknown, options: { prefix: string }): string;
  };
  const sql = generator.whereItemsQuery(Utils.mapWhereFieldNames(where as never, KbArticleModel), { prefix: alias });
  return sql.trim() === '' ? '1=1' : `(${sql})`;
}
