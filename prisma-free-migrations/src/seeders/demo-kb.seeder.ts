import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

interface DemoArticle {
  key: string;
  category: string;
  title: string;
  slug: string;
  locale: string;
  /** Markdown, and the HTML the API would render from it (the seeder has no Markdown renderer). */
  markdown: string;
  html: string;
  tags: string[];
  visibility: 'public' | 'customers' | 'company' | 'internal';
  translationOf?: string;
}

const ARTICLES: DemoArticle[] = [
  {
    key: 'reset',
    category: 'getting-started',
    title: 'How do I reset my password?',
    slug: 'how-do-i-reset-my-password',
    locale: 'en',
    markdown: '1. Open the sign-in page and choose **Forgot password**.\n2. Enter your email address.\n3. Follow the link in the email within 30 minutes.\n\nNo email? Check your spam folder, then ask us.',
    html: '<ol>\n<li>Open the sign-in page and choose <strong>Forgot password</strong>.</li>\n<li>Enter your email address.</li>\n<li>Follow the link in the email within 30 minutes.</li>\n</ol>\n<p>No email? Check your spam folder, then ask us.</p>\n',
    tags: ['password', 'login'],
    visibility: 'public',
  },
  {
    key: 'reset-de',
    category: 'getting-started',
    title: 'Wie setze ich mein Passwort zurück?',
    slug: 'wie-setze-ich-mein-passwort-zuruck',
    locale: 'de',
    markdown: '1. Öffnen Sie die Anmeldeseite und wählen Sie **Passwort vergessen**.\n2. Geben Sie Ihre E-Mail-Adresse ein.\n3. Folgen Sie dem Link in der E-Mail innerhalb von 30 Minuten.',
    html: '<ol>\n<li>Öffnen Sie die Anmeldeseite und wählen Sie <strong>Passwort vergessen</strong>.</li>\n<li>Geben Sie Ihre E-Mail-Adresse ein.</li>\n<li>Folgen Sie dem Link in der E-Mail innerhalb von 30 Minuten.</li>\n</ol>\n',
    tags: ['password', 'login'],
    visibility: 'public',
    translationOf: 'reset',
  },
  {
    key: 'export',
    category: 'getting-started',
    title: 'Export your data as CSV',
    slug: 'export-your-data-as-csv',
    locale: 'en',
    markdown: 'Go to **Settings › Data** and choose **Export**. The CSV file arrives by email within a few minutes.',
    html: '<p>Go to <strong>Settings › Data</strong> and choose <strong>Export</strong>. The CSV file arrives by email within a few minutes.</p>\n',
    tags: ['export'],
    visibility: 'public',
  },
  {
    key: 'invoice-address',
    category: 'invoices',
    title: 'Change the address on your invoices',
    slug: 'change-the-address-on-your-invoices',
    locale: 'en',
    markdown: 'Signed-in customers can change the billing address under **Billing › Details**. New invoices use it at once; earlier invoices keep the old one.',
    html: '<p>Signed-in customers can change the billing address under <strong>Billing › Details</strong>. New invoices use it at once; earlier invoices keep the old one.</p>\n',
    tags: ['invoices', 'billing'],
    visibility: 'customers',
  },
  {
    key: 'acme-line',
    category: 'getting-started',
    title: 'Acme: your dedicated support line',
    slug: 'acme-your-dedicated-support-line',
    locale: 'en',
    markdown: 'Acme’s contract includes a phone line answered 24/7: **+1 555 0100**. Quote your company name.',
    html: '<p>Acme’s contract includes a phone line answered 24/7: <strong>+1 555 0100</strong>. Quote your company name.</p>\n',
    tags: ['phone'],
    visibility: 'company',
  },
  {
    key: 'card-declined',
    category: 'billing',
    title: 'Handling “card declined” reports',
    slug: 'handling-card-declined-reports',
    locale: 'en',
    markdown: 'Check the payment provider’s status page first. If it shows an outage, tag the ticket `outage` and link it to the incident ticket.',
    html: '<p>Check the payment provider’s status page first. If it shows an outage, tag the ticket <code>outage</code> and link it to the incident ticket.</p>\n',
    tags: ['payments', 'outage'],
    visibility: 'internal',
  },
];

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const token = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '_');

/**
 * A small help center for the demo: categories with a subcategory, public, customer-only, company
 * and internal articles, and a German translation. Rows as the API would write them (facets and
 * plain text included: apps/api/src/kb/kb-article.repository.ts and kb/search/facet-tokens.ts), each with its first version.
 */
export async function seedDemoKb(sequelize: Sequelize, t: Transaction, authorId: number, companyId: number) {
  const insert = async (sql: string, replacements: unknown[]) =>
    ((await sequelize.query(sql, { replacements, transaction: t, type: QueryTypes.INSERT })) as [number, number])[0];
  const categories: Record<string, number> = {};
  categories['getting-started'] = await insert('INSERT INTO kb_categories (name, slug, description, position) VALUES (?, ?, ?, ?)', [
    'Getting started',
    'getting-started',
    'Signing in, your account and your data.',
    0,
  ]);
  categories.billing = await insert('INSERT INTO kb_categories (name, slug, description, position, publish_role) VALUES (?, ?, ?, ?, ?)', [
    'Billing',
    'billing',
    'Invoices, payments and plans.',
    1,
    'manager',
  ]);
  categories.invoices = await insert('INSERT INTO kb_categories (name, slug, parent_id, position) VALUES (?, ?, ?, ?)', [
    'Invoices',
    'invoices',
    categories.billing,
    0,
  ]);
  const ids: Record<string, number> = {};
  const now = new Date();
  for (const a of ARTICLES) {
    const categoryId = categories[a.category];
    const facets = [...a.tags.map((tag) => `kbtag_${token(tag)}`), `kbloc_${token(a.locale)}`, `kbcat_${categoryId}`].join(' ');
    const id = await insert(
      `INSERT INTO kb_articles (category_id, translation_of, locale, title, slug, body_text, tags_text, facets, visibility, company_id,
         state, published_at, author_id, updated_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?)`,
      [
        categoryId, a.translationOf ? ids[a.translationOf] : null, a.locale, a.title, a.slug, text(a.html), a.tags.join(' '), facets,
        a.visibility, a.visibility === 'company' ? companyId : null, now, authorId, authorId, now, now,
      ],
    );
    ids[a.key] = id;
    await insert('INSERT INTO kb_article_bodies (article_id, body_md, body_html) VALUES (?, ?, ?)', [id, a.markdown, a.html]);
    for (const tag of a.tags) await insert('INSERT INTO kb_article_tags (article_id, tag) VALUES (?, ?)', [id, tag]);
    await insert(
      `INSERT INTO kb_article_versions (article_id, number, title, body_md, tags, category_id, visibility, company_id, author_id)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`,
      [id, a.title, a.markdown, JSON.stringify(a.tags), categoryId, a.visibility, a.visibility === 'company' ? companyId : null, authorId],
    );
  }
  const words = new Set(ARTICLES.flatMap((a) => `${a.title} ${a.tags.join(' ')} ${text(a.html)}`.toLowerCase().split(/[^\p{L}\p{N}_]+/u)));
  const terms = [...words].filter((w) => w.length >= 3 && !/^\d+$/.test(w));
  await sequelize.query(`INSERT IGNORE INTO kb_terms (term) VALUES ${terms.map(() => '(?)').join(', ')}`, { replacements: terms, transaction: t });
}
