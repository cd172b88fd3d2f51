import { describe, expect, it } from '@jest/globals';
import { DEFAULT_TRANSITIONS, TICKET_STATUSES, type TicketStatus } from '@switchboard/contracts';
import {
  checkWorkflow,
  describeWorkflow,
  gridOf,
  transitionCount,
  transitionsOf,
  workflowFieldName,
  workflowFromForm,
  workflowValuesOf,
  type WorkflowGrid,
} from './workflow-form.js';

/** The form a browser would post for these values. */
function formOf(mode: string, grid: Partial<WorkflowGrid>): FormData {
  const form = new FormData();
  form.set('workflow', mode);
  for (const [from, tos] of Object.entries(grid)) for (const to of tos ?? []) form.append(workflowFieldName(from as TicketStatus), to);
  return form;
}

function gridWith(changes: Partial<WorkflowGrid>): WorkflowGrid {
  return { ...gridOf(null), ...changes };
}

describe('workflow form values', () => {
  it('shows a type on the default workflow as "default" with the default grid to start from', () => {
    const values = workflowValuesOf(null);
    expect(values.mode).toBe('default');
    for (const s of TICKET_STATUSES) expect([...values.grid[s]].sort()).toEqual([...DEFAULT_TRANSITIONS[s]].sort());
  });

  it('fills the statuses a custom workflow does not name from the default, and keeps closed final', () => {
    const values = workflowValuesOf({ open: ['in_progress'], closed: ['open'] });
    expect(values.mode).toBe('custom');
    expect(values.grid.open).toEqual(['in_progress']);
    expect(values.grid.resolved).toEqual(['open', 'in_progress', 'closed']);
    expect(values.grid.closed).toEqual([]);
  });

  it('drops self-transitions and unknown statuses from what is posted', () => {
    const form = formOf('custom', { open: ['open', 'resolved'] });
    form.append(workflowFieldName('open'), 'deleted');
    form.append(workflowFieldName('closed'), 'open');
    const values = workflowFromForm(form);
    expect(values.grid.open).toEqual(['resolved']);
    expect(values.grid.closed).toEqual([]);
    expect(values.grid.in_progress).toEqual([]);
  });
});

describe('form <-> transitions', () => {
  it('sends null for the default workflow, whatever the grid says', () => {
    expect(transitionsOf(workflowFromForm(formOf('default', { open: ['closed'] })))).toBeNull();
    expect(transitionsOf(workflowFromForm(new FormData()))).toBeNull();
  });

  it('sends every status but closed for a custom workflow, even those left without a way forward', () => {
    const transitions = transitionsOf(workflowFromForm(formOf('custom', { open: ['in_progress'], in_progress: ['resolved', 'closed'] })));
    expect(transitions).toEqual({
      open: ['in_progress'],
      in_progress: ['resolved', 'closed'],
      waiting_on_customer: [],
      on_hold: [],
      resolved: [],
    });
  });

  it('round-trips: a saved custom workflow posted back unchanged gives the same transitions', () => {
    const saved = { ...gridOf(null), open: ['in_progress', 'closed'] as TicketStatus[] };
    delete (saved as Partial<WorkflowGrid>).closed;
    const values = workflowValuesOf(saved);
    expect(transitionsOf(workflowFromForm(formOf(values.mode, values.grid)))).toEqual(saved);
  });
});

describe('checkWorkflow', () => {
  it('accepts the default workflow with no warnings', () => {
    expect(checkWorkflow(gridOf(null))).toEqual({ error: undefined, deadEnds: [] });
  });

  it('accepts reaching resolved only through another status', () => {
    const check = checkWorkflow(gridWith({ open: ['in_progress'], in_progress: ['resolved'] }));
    expect(check.error).toBeUndefined();
  });

  it('refuses a workflow in which open can reach neither resolved nor closed', () => {
    const check = checkWorkflow(gridWith({ open: ['in_progress'], in_progress: ['open', 'on_hold'], on_hold: ['open'] }));
    expect(check.error).toMatch(/reachable from Open/);
  });

  it('warns about statuses (other than closed) with no way forward', () => {
    expect(checkWorkflow(gridWith({ on_hold: [], resolved: [] })).deadEnds).toEqual(['on_hold', 'resolved']);
  });
});

describe('describeWorkflow', () => {
  it('says "Default" for null and counts the moves of a custom workflow', () => {
    expect(describeWorkflow(null)).toBe('Default');
    expect(describeWorkflow({ open: ['resolved'] })).toBe(`Custom: ${transitionCount(null) - 4} transitions`);
    expect(describeWorkflow({ open: ['resolved'], in_progress: [], waiting_on_customer: [], on_hold: [], resolved: [] })).toBe('Custom: 1 transition');
  });
});
