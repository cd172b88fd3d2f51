import { Injectable } from '@nestjs/common';
import type { Transaction } from 'sequelize';
import { Sequelize } from 'sequelize-typescript';
import { words } from './fulltext-query.js';
import { forgetKnownTerms } from './known-terms.js';

/** The only place that writes kb_terms (the words of saved articles; search reads them). */
@Injectable()
export class KbTermsRepository {
  constructor(private readonly sequelize: Sequelize) {}

  /** The words of a saved article, for "did you mean" (kept forever: a stale word is only ever a suggestion we re-check). */
  async rememberTerms(text: string, transaction: Transaction) {
    const terms = [...new Set(words(text).filter((w) => w.length >= 3 && w.length <= 84 && !/^\d+$/.test(w)))].slice(0, 500);
    if (terms.length === 0) return;
    await this.sequelize.query(`INSERT IGNORE INTO kb_terms (term) VALUES ${terms.map(() => '(?)').join(', ')}`, {
      replacements: terms,
      transaction,
    });
    // New words are "did you mean" candidates as soon as they are committed (search/known-terms.ts).
    transaction.afterCommit(() => forgetKnownTerms());
  }
}
