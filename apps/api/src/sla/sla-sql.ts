import { QueryTypes, type Transaction } from 'sequelize';
import type { Sequelize } from 'sequelize-typescript';

/** The small helpers the SLA repositories share to read raw rows. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
export const date = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string));

export function select<T extends object>(sequelize: Sequelize, sql: string, replacements: unknown[], transaction?: Transaction): Promise<T[]> {
  return sequelize.query<T>(sql, { replacements, type: QueryTypes.SELECT, transaction });
}
