import { TICKET_STATUSES, type TicketStatus } from './enums.js';

/**
 * The default workflow: which status may follow which. Closed is final; a resolved ticket can be reopened.
 * The single source: the API enforces it, the workspace shows and prefills it in the issue type editor.
 */
export const DEFAULT_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  open: ['in_progress', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'],
  in_progress: ['open', 'waiting_on_customer', 'on_hold', 'resolved', 'closed'],
  waiting_on_customer: ['open', 'in_progress', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'],
  resolved: ['open', 'in_progress', 'closed'],
  closed: [],
};

/** A type's own workflow (statuses it names replace the default's), or null for the default. */
export type Transitions = Partial<Record<TicketStatus, TicketStatus[]>> | null;
export type WorkflowGrid = Record<TicketStatus, TicketStatus[]>;

/** The effective workflow as a full grid: statuses a type does not name follow the default. */
export function gridOf(transitions: Transitions): WorkflowGrid {
  const grid = {} as WorkflowGrid;
  for (const from of TICKET_STATUSES) {
    const allowed = from === 'closed' ? [] : (transitions?.[from] ?? DEFAULT_TRANSITIONS[from]);
    grid[from] = TICKET_STATUSES.filter((to) => to !== from && allowed.includes(to));
  }
  return grid;
}

/** Statuses reachable from `start` by following the grid (start included). */
export function reachableFrom(grid: WorkflowGrid, start: TicketStatus): Set<TicketStatus> {
  const seen = new Set<TicketStatus>([start]);
  const queue: TicketStatus[] = [start];
  while (queue.length) {
    for (const to of grid[queue.shift()!]) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

export interface WorkflowCheck {
  /** Refuses the workflow: a ticket could never be finished. */
  error?: string;
  /** Allowed, but worth a warning: statuses (other than closed) a ticket can never leave. */
  deadEnds: TicketStatus[];
}

export function checkWorkflow(grid: WorkflowGrid): WorkflowCheck {
  const deadEnds = TICKET_STATUSES.filter((s) => s !== 'closed' && grid[s].length === 0);
  const reachable = reachableFrom(grid, 'open');
  const error = reachable.has('resolved') || reachable.has('closed') ? undefined : 'Resolved or Closed must be reachable from Open.';
  return { error, deadEnds };
}
