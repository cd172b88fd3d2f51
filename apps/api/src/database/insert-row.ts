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
