import { gridOf, TICKET_STATUSES, type TicketStatus, type Transitions, type WorkflowGrid } from '@switchboard/contracts';

export { checkWorkflow, gridOf, reachableFrom, type WorkflowCheck } from '@switchboard/contracts';

/**
 * The issue type editor's workflow section as plain form fields: `workflow` is "default" or "custom",
 * and each status's allowed next statuses are checkboxes named `wf.<from>` whose values are the to-statuses.
 * Closed is final whatever a type says, so it has no row of its own.
 */
export type { Transitions, WorkflowGrid };
export type WorkflowMode = 'default' | 'custom';

export interface WorkflowValues {
  mode: WorkflowMode;
  /** Always filled: the type's own workflow, or the default one to start a custom workflow from. */
  grid: WorkflowGrid;
}

export const WORKFLOW_FIELD_PREFIX = 'wf.';

export function workflowFieldName(from: TicketStatus): string {
  return `${WORKFLOW_FIELD_PREFIX}${from}`;
}

export function workflowValuesOf(transitions: Transitions): WorkflowValues {
  return { mode: transitions ? 'custom' : 'default', grid: gridOf(transitions) };
}

/** Reads the posted fields; unknown statuses and self-transitions are dropped. */
export function workflowFromForm(form: FormData): WorkflowValues {
  const mode: WorkflowMode = form.get('workflow') === 'custom' ? 'custom' : 'default';
  const grid = {} as WorkflowGrid;
  for (const from of TICKET_STATUSES) {
    const posted = new Set(form.getAll(workflowFieldName(from)).map(String));
    grid[from] = from === 'closed' ? [] : TICKET_STATUSES.filter((to) => to !== from && posted.has(to));
  }
  return { mode, grid };
}

/** What saveIssueType gets: null for the default workflow, otherwise every status but closed named explicitly. */
export function transitionsOf(values: WorkflowValues): Transitions {
  if (values.mode === 'default') return null;
  const transitions: NonNullable<Transitions> = {};
  for (const from of TICKET_STATUSES) if (from !== 'closed') transitions[from] = [...values.grid[from]];
  return transitions;
}

/** How many moves a workflow allows (the default's when null). */
export function transitionCount(transitions: Transitions): number {
  const grid = gridOf(transitions);
  return TICKET_STATUSES.reduce((n, from) => n + grid[from].length, 0);
}

/** "Default" or "Custom: 9 transitions", for lists. */
export function describeWorkflow(transitions: Transitions): string {
  if (!transitions) return 'Default';
  const n = transitionCount(transitions);
  return `Custom: ${n} transition${n === 1 ? '' : 's'}`;
}
