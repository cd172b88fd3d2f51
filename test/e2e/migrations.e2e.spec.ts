import { connect, dropDatabase, migrateDown, migrateUp, migrationStatus, parseDatabaseUrl, seedDemo } from '@switchboard/migrations';
import mysql from 'mysql2/promise';
import { migrations } from '../../prisma-free-migrations/src/migrations/index.js';

const COUNT = migrations.length;

/** Runs the real migrations on a database of its own: up, down all the way, up again, and the seeder twice. */
describe('migrations and demo seed', () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_mig`;
  const databaseUrl = url.toString();
  afterAll(() => dropDatabase(parseDatabaseUrl(databaseUrl)));

  async function tables() {
    const c = await mysql.createConnection(databaseUrl);
    try {
      const [rows] = await c.query('SHOW TABLES');
      return (rows as Record<string, string>[]).map((r) => Object.values(r)[0]).sort();
    } finally {
      await c.end();
    }
  }

  it('migrates up, down to nothing and up again; concurrent runs do not collide', async () => {
    const [first, second] = await Promise.all([migrateUp({ databaseUrl }), migrateUp({ databaseUrl })]);
    // The named lock makes one run apply everything and the other find nothing to do.
    expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, COUNT]);
    expect(await tables()).toEqual(
      expect.arrayContaining(['attachments', 'audit_log', 'auth_tokens', 'companies', 'outbound_messages', 'outbox_events', 'satisfaction_ratings', 'satisfaction_token_uses', 'schema_migrations', 'ticket_entries', 'ticket_entry_mentions', 'ticket_links', 'tickets', 'users']),
    );
    const reverted = await migrateDown({ databaseUrl, all: true });
    expect(reverted).toHaveLength(COUNT);
    expect(await tables()).toEqual(['schema_migrations']);
    expect((await migrationStatus({ databaseUrl })).pending).toHaveLength(COUNT);
    await migrateUp({ databaseUrl });
    expect((await migrationStatus({ databaseUrl })).pending).toHaveLength(0);
  });

  it('seeds the demo data once and never again', async () => {
    const sequelize = connect(parseDatabaseUrl(databaseUrl));
    try {
      const first = await seedDemo(sequelize);
      expect(first.seeded).toBe(true);
      expect(first.users).toEqual(
        expect.arrayContaining(['admin@acme.test', 'manager@acme.test', 'agent@acme.test', 'agent2@acme.test', 'customer@acme.test', 'solo@example.test']),
      );
      const again = await seedDemo(sequelize);
      expect(again.seeded).toBe(false);
      const [rows] = await sequelize.query("SELECT u.email, c.name AS company FROM users u LEFT JOIN companies c ON c.id = u.company_id WHERE u.email IN ('customer@acme.test', 'solo@example.test') ORDER BY u.email");
      expect(rows).toEqual([
        { email: 'customer@acme.test', company: 'Acme' },
        { email: 'solo@example.test', company: null },
      ]);
      const [[{ n }]] = (await sequelize.query('SELECT COUNT(*) AS n FROM users')) as [Array<{ n: number }>, unknown];
      // The six demo users and the reserved system user the migrations create.
      expect(Number(n)).toBe(7);
    } finally {
      await sequelize.close();
    }
  });
});
