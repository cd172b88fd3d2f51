import { rulesToCondition } from '@casl/ability/extra';
import { Op, type WhereOptions } from 'sequelize';
import type { Action, AppAbility, SubjectName } from './app-ability.js';

type Conditions = Record<string, unknown>;

const OPERATORS: Record<string, symbol> = {
  $eq: Op.eq,
  $ne: Op.ne,
  $in: Op.in,
  $nin: Op.notIn,
  $gt: Op.gt,
  $gte: Op.gte,
  $lt: Op.lt,
  $lte: Op.lte,
};

/** Turns one CASL rule's Mongo-style conditions into a Sequelize where with Op symbols. */
export function conditionsToWhere(conditions: Conditions): WhereOptions {
  const where: Record<string | symbol, unknown> = {};
  for (const [field, value] of Object.entries(conditions)) {
    if (field.startsWith('$')) throw new Error(`Unsupported CASL condition ${field}; add it to accessible-where.ts`);
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      const ops: Record<symbol, unknown> = {};
      for (const [op, operand] of Object.entries(value as Conditions)) {
        const symbol = OPERATORS[op];
        if (!symbol) throw new Error(`Unsupported CASL operator ${op} on ${field}; add it to accessible-where.ts`);
        ops[symbol] = operand;
      }
      where[field] = ops;
    } else {
      where[field] = value;
    }
  }
  return where as WhereOptions;
}

/**
 * The SQL filter equivalent of "every row of `subject` this ability may `action`":
 * null when it may see none, {} when it may see all. Lists use this so rows a user
 * may not see are never loaded.
 */
export function accessibleWhere(ability: AppAbility, action: Action, subject: SubjectName): WhereOptions | null {
  return rulesToCondition<AppAbility, WhereOptions, WhereOptions>(
    ability.rulesFor(action, subject),
    (rule) => {
      const where = conditionsToWhere((rule.conditions ?? {}) as Conditions);
      return rule.inverted ? { [Op.not]: where } : where;
    },
    {
      and: (parts) => (parts.length === 1 ? parts[0] : { [Op.and]: parts }),
      or: (parts) => (parts.length === 1 ? parts[0] : { [Op.or]: parts }),
      empty: () => ({}),
    },
  );
}
