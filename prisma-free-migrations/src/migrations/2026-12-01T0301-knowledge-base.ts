import { CREATED_AT, TABLE_OPTIONS, runStatements, type Migration } from '../migration.js';

const UPDATED = 'updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)';

/**
 * The knowledge base (docs/decisions/008-knowledge-base-search.md). Articles carry their own
 * FULLTEXT-indexed copies of the searchable text (title, body as plain text, tags as text) so one
 * MATCH covers them on MySQL 8 and MariaDB alike; tags also live in a side table for exact filters.
 * `facets` holds filter tokens (kbtag_<tag>, kbloc_<locale>, kbcat_<category id>) so a filtered
 * search narrows inside the FULLTEXT index instead of reading rows that the filter then drops.
 * updated_at has no ON UPDATE: counters (views, ratings) must not look like edits.
 */
export const migration: Migration = {
  name: '2026-12-01T0301-knowledge-base',
  async up({ sequelize }) {
    await runStatements(sequelize, [
      `CREATE TABLE kb_categories (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        parent_id INT UNSIGNED NULL,
        name VARCHAR(120) NOT NULL,
        slug VARCHAR(140) NOT NULL,
        description VARCHAR(500) NULL,
        position INT NOT NULL DEFAULT 0,
        publish_role ENUM('agent','manager') NOT NULL DEFAULT 'agent',
        ${CREATED_AT},
        ${UPDATED},
        UNIQUE KEY kb_categories_slug (slug),
        KEY kb_categories_parent (parent_id, position),
        CONSTRAINT kb_categories_parent_fk FOREIGN KEY (parent_id) REFERENCES kb_categories (id) ON DELETE RESTRICT
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE kb_articles (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        category_id INT UNSIGNED NOT NULL,
        translation_of INT UNSIGNED NULL,
        locale VARCHAR(10) NOT NULL DEFAULT 'en',
        title VARCHAR(200) NOT NULL,
        slug VARCHAR(220) NOT NULL,
        body_text MEDIUMTEXT NOT NULL,
        tags_text VARCHAR(1200) NOT NULL DEFAULT '',
        facets VARCHAR(1200) NOT NULL DEFAULT '',
        visibility ENUM('public','customers','company','internal') NOT NULL DEFAULT 'public',
        company_id INT UNSIGNED NULL,
        state ENUM('draft','published','scheduled','archived') NOT NULL DEFAULT 'draft',
        publish_at DATETIME(3) NULL,
        published_at DATETIME(3) NULL,
        version INT UNSIGNED NOT NULL DEFAULT 1,
        author_id INT UNSIGNED NULL,
        updated_by INT UNSIGNED NULL,
        view_count INT UNSIGNED NOT NULL DEFAULT 0,
        helpful_count INT UNSIGNED NOT NULL DEFAULT 0,
        unhelpful_count INT UNSIGNED NOT NULL DEFAULT 0,
        deflection_count INT UNSIGNED NOT NULL DEFAULT 0,
        ${CREATED_AT},
        ${UPDATED},
        UNIQUE KEY kb_articles_slug (slug),
        UNIQUE KEY kb_articles_translation (translation_of, locale),
        KEY kb_articles_category (category_id, state, published_at),
        KEY kb_articles_state_publish (state, publish_at),
        KEY kb_articles_state_updated (state, updated_at),
        FULLTEXT KEY kb_articles_ft_title (title, facets),
        FULLTEXT KEY kb_articles_ft_all (title, body_text, tags_text, facets),
        CONSTRAINT kb_articles_category_fk FOREIGN KEY (category_id) REFERENCES kb_categories (id),
        CONSTRAINT kb_articles_translation_fk FOREIGN KEY (translation_of) REFERENCES kb_articles (id) ON DELETE SET NULL,
        CONSTRAINT kb_articles_company_fk FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE SET NULL,
        CONSTRAINT kb_articles_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT kb_articles_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      // The Markdown and its HTML live beside the article, not in it: a search reads kb_articles rows in
      // relevance order, and narrow rows keep more of them in the buffer pool.
      `CREATE TABLE kb_article_bodies (
        article_id INT UNSIGNED NOT NULL PRIMARY KEY,
        body_md MEDIUMTEXT NOT NULL,
        body_html MEDIUMTEXT NOT NULL,
        CONSTRAINT kb_article_bodies_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE kb_article_tags (
        article_id INT UNSIGNED NOT NULL,
        tag VARCHAR(64) NOT NULL,
        PRIMARY KEY (article_id, tag),
        KEY kb_article_tags_tag (tag, article_id),
        CONSTRAINT kb_article_tags_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE
      ) ${TABLE_OPTIONS}`,
      // Every save of an article's content; restoring one writes a new version with its content.
      `CREATE TABLE kb_article_versions (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        article_id INT UNSIGNED NOT NULL,
        number INT UNSIGNED NOT NULL,
        title VARCHAR(200) NOT NULL,
        body_md MEDIUMTEXT NOT NULL,
        tags TEXT NOT NULL,
        category_id INT UNSIGNED NOT NULL,
        visibility VARCHAR(16) NOT NULL,
        company_id INT UNSIGNED NULL,
        author_id INT UNSIGNED NULL,
        note VARCHAR(200) NULL,
        ${CREATED_AT},
        UNIQUE KEY kb_article_versions_number (article_id, number),
        CONSTRAINT kb_article_versions_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE,
        CONSTRAINT kb_article_versions_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      `CREATE TABLE kb_article_ratings (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        article_id INT UNSIGNED NOT NULL,
        helpful TINYINT(1) NOT NULL,
        comment VARCHAR(2000) NULL,
        user_id INT UNSIGNED NULL,
        ${CREATED_AT},
        KEY kb_article_ratings_article (article_id, created_at),
        CONSTRAINT kb_article_ratings_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE,
        CONSTRAINT kb_article_ratings_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      // "This solved my problem" on the new-ticket form: the ticket that was not opened.
      `CREATE TABLE kb_deflections (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        article_id INT UNSIGNED NOT NULL,
        user_id INT UNSIGNED NULL,
        query VARCHAR(500) NOT NULL,
        ${CREATED_AT},
        KEY kb_deflections_article (article_id, created_at),
        CONSTRAINT kb_deflections_article_fk FOREIGN KEY (article_id) REFERENCES kb_articles (id) ON DELETE CASCADE,
        CONSTRAINT kb_deflections_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE SET NULL
      ) ${TABLE_OPTIONS}`,
      // Searches that found nothing, one row per normalised query and locale, for managers.
      `CREATE TABLE kb_search_misses (
        id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        query VARCHAR(190) NOT NULL,
        locale VARCHAR(10) NOT NULL,
        count INT UNSIGNED NOT NULL DEFAULT 1,
        ${CREATED_AT},
        last_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        UNIQUE KEY kb_search_misses_query (query, locale),
        KEY kb_search_misses_count (count)
      ) ${TABLE_OPTIONS}`,
      // The words of titles and tags, for "did you mean" (InnoDB's own FULLTEXT vocabulary is not queryable portably).
      `CREATE TABLE kb_terms (
        term VARCHAR(84) NOT NULL PRIMARY KEY
      ) ${TABLE_OPTIONS}`,
    ]);
  },
  async down({ sequelize }) {
    await runStatements(sequelize, [
      'DROP TABLE kb_terms',
      'DROP TABLE kb_search_misses',
      'DROP TABLE kb_deflections',
      'DROP TABLE kb_article_ratings',
      'DROP TABLE kb_article_versions',
      'DROP TABLE kb_article_tags',
      'DROP TABLE kb_article_bodies',
      'DROP TABLE kb_articles',
      'DROP TABLE kb_categories',
    ]);
  },
};
