import type { Role } from '@switchboard/contracts';
import { hashPassword } from '@switchboard/passwords';
import mysql from 'mysql2/promise';
import { uniqueEmail } from './http.js';

export const TEST_PASSWORD = 'test-password-123';

/**
 * Creates a user of any role straight in the scratch database (staff accounts have no sign-up
 * path yet) and signs them in through the real REST endpoint.
 */
export async function createUser(baseUrl: string, role: Role, opts: { companyId?: number | null; name?: string } = {}) {
  const email = uniqueEmail(role);
  const connection = await mysql.createConnection(process.env.DATABASE_URL!);
  try {
    const [result] = await connection.query('INSERT INTO users (email, name, password_hash, role, company_id) VALUES (?, ?, ?, ?, ?)', [
      email,
      opts.name ?? `Test ${role}`,
      await hashPassword(TEST_PASSWORD),
      role,
      opts.companyId ?? null,
    ]);
    const id = (result as { insertId: number }).insertId;
    const res = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    const { token } = (await res.json()) as { token: string };
    return { id, email, token, role };
  } finally {
    await connection.end();
  }
}

export async function createCompany(name: string, domain: string | null = null) {
  const connection = await mysql.createConnection(process.env.DATABASE_URL!);
  try {
    const [result] = await connection.query('INSERT INTO companies (name, domain) VALUES (?, ?)', [name, domain]);
    return (result as { insertId: number }).insertId;
  } finally {
    await connection.end();
  }
}
