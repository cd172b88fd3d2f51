import { literal } from 'sequelize';

/**
 * How a tag or custom-field filter reaches its side table (ticket_tags, ticket_field_values); decision 025.
 *
 * - `probe`: the queue walks its usual index (the sort key, or whatever the other filters pick) and looks up
 *   each ticket in the side table by its primary key / (ticket_id, field_id) index. A page costs about
 *   pageSize x tickets / matches lookups when the matches are spread over the sort order, the capped count
 *   about (cap + 1) x tickets / matches.
 * - `driving`: the side table's (tag_id | field_id + value, ticket_id) index lists the matches first
 *   (a semi-join both servers materialise), then the tickets are read by id and sorted. Costs about
 *   `matches` row reads whatever the page.
 *
 * The probe wins once matches > sqrt((cap + 1) x tickets): ~31,600 of 1,000,000 tickets, ~3,200 of 10,000.
 * Results are the same either way; only the plan differs.
 */
export type SideStrategy = 'probe' | 'driving';

export interface SideFilter {
  table: 'ticket_tags' | 'ticket_field_values';
  /** SQL over the side table's columns selecting the matching rows. */
  match: string;
  /** Matching rows, counted up to the probe threshold + 1. */
  matches: number;
  strategy: SideStrategy;
}

/** How many side-table matches make the probe cheaper than driving from the side table. */
export function probeThreshold(tickets: number, countCap: number): number {
  return Math.ceil(Math.sqrt((countCap + 1) * Math.max(tickets, 1)));
}

/** `matches` is counted up to threshold + 1, so a common tag costs at most that many index entries to classify. */
export function sideStrategy(matches: number, threshold: number): SideStrategy {
  return matches > threshold ? 'probe' : 'driving';
}

/**
 * A side filter as SQL in the shape of a strategy. `probe` is a correlated scalar subquery: neither server
 * turns it into a semi-join (MariaDB does that to EXISTS through exists_to_in, and to IN), so it stays a
 * primary-key lookup per ticket on whatever index the rest of the query walks. `driving` is an IN subquery,
 * which both servers plan as a semi-join from the side table's (key, value, ticket_id) index.
 */
export function sideCondition(side: SideFilter, strategy: SideStrategy = side.strategy) {
  return strategy === 'probe'
    ? literal(`(SELECT 1 FROM ${side.table} WHERE ticket_id = \`TicketModel\`.\`id\` AND ${side.match} LIMIT 1) IS NOT NULL`)
    : literal(`\`TicketModel\`.\`id\` IN (SELECT ticket_id FROM ${side.table} WHERE ${side.match})`);
}

/**
 * How many rows of the walk a first, bounded probe looks at: four times what the rarest probed filter needs
 * on average to fill the page (its density is a lower bound: matches are counted only to the threshold).
 * Bounded because matches need not be spread: a tag only old tickets carry is found at the far end of a
 * newest-first walk.
 */
export function probeWindow(sides: SideFilter[], tickets: number, need: number): number {
  const rarest = Math.min(...sides.map((s) => s.matches));
  return Math.min(50_000, Math.max(1_000, Math.ceil((4 * need * Math.max(tickets, 1)) / Math.max(rarest, 1))));
}

/**
 * After a bounded probe found `found` of `need` rows in `window` rows of the walk: keep walking (an unbounded
 * probe) when the rest is expected to cost fewer rows than driving from the rarest side filter would read,
 * otherwise drive. None found says the matches are not where the walk goes.
 */
export function continueProbing(found: number, need: number, window: number, sides: SideFilter[]): boolean {
  if (found === 0) return false;
  const rest = ((need - found) * window) / found;
  return rest < Math.min(...sides.map((s) => s.matches));
}

/**
 * Side-filter sizes remembered for a minute per process: they only choose a plan (results are the same either
 * way), and counting a common tag's matches to the threshold reads up to ~31,600 index entries each time.
 */
export class SideFilterSizes {
  private readonly sizes = new Map<string, { matches: number; at: number }>();
  constructor(
    private readonly ttlMs = 60_000,
    private readonly max = 500,
  ) {}

  async get(key: string, count: () => Promise<number>, now = Date.now()): Promise<number> {
    const hit = this.sizes.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.matches;
    const matches = await count();
    if (this.sizes.size >= this.max) this.sizes.delete(this.sizes.keys().next().value as string);
    this.sizes.set(key, { matches, at: now });
    return matches;
  }
}
