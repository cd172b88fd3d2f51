import { hashPassword } from '@switchboard/passwords';
import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { SYSTEM_USER_EMAIL } from '../migrations/2026-11-29T0001-satisfaction-links-audit-ua.js';

export const DEMO_PASSWORD = 'switchboard-demo';

export const DEMO_USERS = [
  { email: 'admin@acme.test', name: 'Ada Admin', role: 'admin', company: false },
  { email: 'manager@acme.test', name: 'Mia Manager', role: 'manager', company: false },
  { email: 'agent@acme.test', name: 'Ana Agent', role: 'agent', company: false },
  { email: 'agent2@acme.test', name: 'Ben Agent', role: 'agent', company: false },
  { email: 'customer@acme.test', name: 'Cody Customer', role: 'customer', company: true },
  { email: 'solo@example.test', name: 'Sam Solo', role: 'customer', company: false },
] as const;

async function insert(sequelize: Sequelize, transaction: Transaction, sql: string, replacements: unknown[]) {
  const [id] = (await sequelize.query(sql, { replacements, transaction, type: QueryTypes.INSERT })) as [number, number];
  return id;
}

/**
 * Demo data for a developer machine: only into a database without users, so it can never
 * overwrite real data, and running it twice changes nothing.
 */
export async function seedDemo(sequelize: Sequelize): Promise<{ seeded: boolean; users: string[] }> {
  // The reserved system user (created by a migration) does not make a database "used".
  const [{ n }] = await sequelize.query<{ n: number }>('SELECT COUNT(*) AS n FROM users WHERE email <> ?', {
    replacements: [SYSTEM_USER_EMAIL],
    type: QueryTypes.SELECT,
  });
  if (Number(n) > 0) return { seeded: false, users: [] };

  const hash = await hashPassword(DEMO_PASSWORD);
  await sequelize.transaction(async (t) => {
    const acme = await insert(sequelize, t, 'INSERT INTO companies (name, domain) VALUES (?, ?)', ['Acme', 'acme.test']);
    const ids: Record<string, number> = {};
    for (const u of DEMO_USERS) {
      ids[u.email] = await insert(
        sequelize,
        t,
        // Demo accounts count as verified: nobody reads their mailboxes.
        'INSERT INTO users (email, name, password_hash, role, company_id, email_verified_at) VALUES (?, ?, ?, ?, ?, NOW(3))',
        [u.email, u.name, hash, u.role, u.company ? acme : null],
      );
    }
    const ticket = async (
      requester: string,
      subject: string,
      description: string,
      urgency: string,
      importance: string,
      priority: number,
      status: string,
      companyId: number | null,
      minutesAgo: number,
    ) => {
      const at = new Date(Date.now() - minutesAgo * 60_000);
      const id = await insert(
        sequelize,
        t,
        `INSERT INTO tickets (subject, description, status, urgency, importance, priority, channel, requester_id, company_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'portal', ?, ?, ?, ?)`,
        [subject, description, status, urgency, importance, priority, ids[requester], companyId, at, at],
      );
      await entry(id, 'message', 'public', requester, description, at);
      return { id, at };
    };
    const entry = (
      ticketId: number,
      kind: string,
      visibility: string,
      author: string,
      body: string,
      at: Date,
      event?: [string, string, string],
    ) =>
      insert(
        sequelize,
        t,
        `INSERT INTO ticket_entries (ticket_id, kind, visibility, author_id, channel, body, event_field, event_from, event_to, created_at)
         VALUES (?, ?, ?, ?, 'portal', ?, ?, ?, ?, ?)`,
        [ticketId, kind, visibility, ids[author], body, event?.[0] ?? null, event?.[1] ?? null, event?.[2] ?? null, at],
      );
    const later = (base: Date, minutes: number) => new Date(base.getTime() + minutes * 60_000);

    // Reference data: teams with their agents, categories, issue types with custom fields, tags.
    const support = await insert(sequelize, t, 'INSERT INTO teams (name) VALUES (?)', ['Support']);
    const billing = await insert(sequelize, t, 'INSERT INTO teams (name) VALUES (?)', ['Billing']);
    for (const [team, email] of [[support, 'agent@acme.test'], [support, 'agent2@acme.test'], [billing, 'agent2@acme.test'], [billing, 'manager@acme.test']] as const) {
      await sequelize.query('INSERT INTO team_members (team_id, user_id) VALUES (?, ?)', { replacements: [team, ids[email]], transaction: t });
    }
    const categories: Record<string, number> = {};
    for (const name of ['Account', 'Billing', 'Technical', 'Shipping']) {
      categories[name] = await insert(sequelize, t, 'INSERT INTO categories (name) VALUES (?)', [name]);
    }
    // Routing (docs/decisions/010): Billing tickets go round-robin to Billing, Technical ones to Support by load.
    const run = (sql: string, replacements: unknown[]) => sequelize.query(sql, { replacements, transaction: t });
    await run("UPDATE teams SET routing_strategy = 'round_robin' WHERE id = ?", [billing]);
    await run("UPDATE teams SET routing_strategy = 'least_loaded' WHERE id = ?", [support]);
    await run('UPDATE categories SET team_id = ? WHERE id = ?', [billing, categories.Billing]);
    await run('UPDATE categories SET team_id = ? WHERE id = ?', [support, categories.Technical]);
    const refunds = await insert(sequelize, t, 'INSERT INTO skills (name) VALUES (?)', ['Refunds']);
    await run('INSERT INTO agent_skills (user_id, skill_id, level) VALUES (?, ?, 4)', [ids['agent2@acme.test'], refunds]);
    await run("INSERT INTO agent_languages (user_id, language) VALUES (?, 'en'), (?, 'en'), (?, 'es')", [ids['agent@acme.test'], ids['agent2@acme.test'], ids['agent2@acme.test']]);
    const issueType = async (
      name: string,
      description: string,
      fields: Array<[key: string, label: string, kind: string, required: boolean, options: string[] | null, customerVisible: boolean]>,
    ) => {
      const id = await insert(sequelize, t, 'INSERT INTO issue_types (name, description) VALUES (?, ?)', [name, description]);
      for (const [position, [key, label, kind, required, options, visible]] of fields.entries()) {
        await insert(
          sequelize,
          t,
          'INSERT INTO custom_fields (issue_type_id, field_key, label, kind, required, options, customer_visible, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [id, key, label, kind, required, options ? JSON.stringify(options) : null, visible, position],
        );
      }
      return id;
    };
    const bug = await issueType('Website Bug', 'Something on the website does not work as it should.', [
      ['page_url', 'Page address', 'text', true, null, true],
      ['browser', 'Browser', 'single_select', true, ['Chrome', 'Firefox', 'Safari', 'Edge', 'Other'], true],
      ['steps', 'Steps to reproduce', 'long_text', false, null, true],
      ['seen_on', 'First seen on', 'date', false, null, true],
      ['severity_note', 'Engineering note', 'text', false, null, false],
    ]);
    await issueType('Product Return', 'Send a product back for a refund or exchange.', [
      ['order_number', 'Order number', 'text', true, null, true],
      ['reason', 'Reason', 'single_select', true, ['Damaged', 'Wrong item', 'No longer needed', 'Other'], true],
      ['refund', 'Refund instead of exchange', 'checkbox', false, null, true],
      ['order_total', 'Order total', 'number', false, null, true],
    ]);
    await issueType('Feature Request', 'An idea for something we should build.', [
      ['areas', 'Areas', 'multi_select', false, ['Checkout', 'Search', 'Accounts', 'Reports'], true],
      ['impact', 'What would it change for you?', 'long_text', false, null, true],
    ]);

    const checkout = await ticket(
      'customer@acme.test',
      'Checkout fails with a card error',
      'Since this morning every card payment in our shop ends with "card declined", even cards that work elsewhere.',
      'critical',
      'high',
      15,
      'in_progress',
      acme,
      180,
    );
    await sequelize.query('UPDATE tickets SET issue_type_id = ?, category_id = ?, team_id = ?, assignee_id = ? WHERE id = ?', {
      replacements: [bug, categories.Technical, support, ids['agent@acme.test'], checkout.id],
      transaction: t,
    });
    const [bugFields] = (await sequelize.query('SELECT id, field_key AS k FROM custom_fields WHERE issue_type_id = ?', {
      replacements: [bug],
      transaction: t,
    })) as [Array<{ id: number; k: string }>, unknown];
    const fieldId = (k: string) => bugFields.find((f) => f.k === k)!.id;
    await sequelize.query(
      'INSERT INTO ticket_field_values (ticket_id, field_id, value_string) VALUES (?, ?, ?), (?, ?, ?)',
      { replacements: [checkout.id, fieldId('page_url'), 'https://shop.acme.test/checkout', checkout.id, fieldId('browser'), 'Firefox'], transaction: t },
    );
    await sequelize.query("INSERT INTO tags (name) VALUES ('payments'), ('outage'), ('invoices')", { transaction: t });
    await sequelize.query("INSERT INTO ticket_tags (ticket_id, tag_id) SELECT ?, id FROM tags WHERE name IN ('payments', 'outage')", {
      replacements: [checkout.id],
      transaction: t,
    });
    await entry(checkout.id, 'event', 'public', 'agent@acme.test', '', later(checkout.at, 12), ['status', 'open', 'in_progress']);
    await entry(checkout.id, 'note', 'internal', 'agent@acme.test', 'Payment provider status page shows a partial outage. Checking our webhook logs.', later(checkout.at, 14));
    await entry(checkout.id, 'reply', 'public', 'agent@acme.test', 'Thanks for the report. We can reproduce it and are on it; next update within the hour.', later(checkout.at, 20));

    const invoice = await ticket('customer@acme.test', 'Invoice address is wrong', 'Our invoices still show the old street address.', 'low', 'medium', 2, 'open', acme, 60 * 26);
    await sequelize.query('UPDATE tickets SET category_id = ?, team_id = ? WHERE id = ?', {
      replacements: [categories.Billing, billing, invoice.id],
      transaction: t,
    });
    await sequelize.query("INSERT INTO ticket_tags (ticket_id, tag_id) SELECT ?, id FROM tags WHERE name = 'invoices'", {
      replacements: [invoice.id],
      transaction: t,
    });
    await ticket('solo@example.test', 'How do I export my data?', 'I would like a CSV of everything in my account.', 'medium', 'low', 5, 'open', null, 45);
  });
  return { seeded: true, users: DEMO_USERS.map((u) => u.email) };
}
