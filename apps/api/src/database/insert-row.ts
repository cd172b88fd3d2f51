import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * One INSERT without model hydration, for write paths that run on every request (creating a ticket
 * runs four). Keys are attribute names (camelCase), turned into the snake_case columns; objects are
 * stored as JSON. Returns the new row's id.
 */
export async function insertRow(
  sequelize: Sequelize,
  table: string,
  row: Record<string, unknown>,
  transaction?: Transaction,
): Promise<number> {
  const keys = Object.keys(row).filter((k) => row[k] !== undefined);
  const values = keys.map((k) => {
    const v = row[k];
    return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
  });
  const [id] = (await sequelize.query(
    `INSERT INTO \`${table}\` (${keys.map((k) => `\`${snake(k)}\``).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
    { replacements: values, transaction, type: QueryTypes.INSERT },
  )) as unknown as [number, number];
  return Number(id);
}

/**
 * One multi-row INSERT for rows that share their keys (the first row's), e.g. the timeline events or
 * audit entries of a batch of routed tickets: one round trip instead of one per row.
 */
export async function insertRows(sequelize: Sequelize, table: string, rows: Record<string, unknown>[], transaction?: Transaction): Promise<void> {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]);
  const values = rows.flatMap((row) =>
    keys.map((k) => {
      const v = row[k] ?? null;
      return v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
    }),
  );
  const tuple = `(${keys.map(() => '?').join(', ')})`;
  await sequelize.query(`INSERT INTO \`${table}\` (${keys.map((k) => `\`${snake(k)}\``).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`, {
    replacements: values,
    transaction,
    type: QueryTypes.INSERT,
  });
}
