import { TICKET_STATUSES, type TicketStatus } from '@switchboard/contracts';
import { checkWorkflow, statusLabel, workflowFieldName, type WorkflowGrid, type WorkflowMode, type WorkflowValues } from '@switchboard/ui';
import { useState } from 'react';
import { FieldError } from '~/components/FieldError';

export interface WorkflowEditorProps {
  values: WorkflowValues;
  /** The server's refusal (the action's check or the API's), shown next to the grid. */
  error?: string;
}

/**
 * Default or custom workflow for an issue type. Plain radios and `wf.<from>` checkboxes, so it works
 * without JavaScript (CSS hides the grid while "Default" is chosen); with it, warnings follow the clicks.
 */
export function WorkflowEditor({ values, error }: WorkflowEditorProps) {
  const [mode, setMode] = useState<WorkflowMode>(values.mode);
  const [grid, setGrid] = useState<WorkflowGrid>(values.grid);
  const check = checkWorkflow(grid);
  const shownError = mode === 'custom' ? (error ?? check.error) : undefined;
  const toggle = (from: TicketStatus, to: TicketStatus, on: boolean) =>
    setGrid((g) => ({ ...g, [from]: TICKET_STATUSES.filter((s) => (s === to ? on : g[from].includes(s))) }));

  return (
    <fieldset className="sb-field-rows sb-workflow" data-testid="workflow">
      <legend>Workflow</legend>
      <div className="sb-workflow__modes">
        <label className="sb-filters__check">
          <input type="radio" name="workflow" value="default" checked={mode === 'default'} onChange={() => setMode('default')} /> Default workflow
        </label>
        <label className="sb-filters__check">
          <input type="radio" name="workflow" value="custom" checked={mode === 'custom'} onChange={() => setMode('custom')} /> Custom workflow
        </label>
      </div>
      <div className="sb-workflow__custom">
        <p className="sb-sideform__hint">Tick the statuses a ticket may move to (rows: from, columns: to). Closed is always final.</p>
        <div className="sb-table-wrap">
          <table className="sb-table sb-workflow__grid" data-testid="workflow-grid" aria-describedby={shownError ? 'transitions-error' : undefined}>
            <thead>
              <tr>
                <th scope="col">From \ to</th>
                {TICKET_STATUSES.map((to) => (
                  <th scope="col" key={to}>
                    {statusLabel(to, 'agent')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {TICKET_STATUSES.map((from) => (
                <tr key={from}>
                  <th scope="row">{statusLabel(from, 'agent')}</th>
                  {TICKET_STATUSES.map((to) => {
                    const fixed = from === to || from === 'closed';
                    return (
                      <td key={to}>
                        <input
                          type="checkbox"
                          name={workflowFieldName(from)}
                          value={to}
                          checked={!fixed && grid[from].includes(to)}
                          disabled={fixed}
                          onChange={(e) => toggle(from, to, e.currentTarget.checked)}
                          aria-label={`${statusLabel(from, 'agent')} to ${statusLabel(to, 'agent')}`}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <FieldError id="transitions-error" message={shownError} />
        {mode === 'custom' && check.deadEnds.length ? (
          <p className="sb-alert sb-alert--warning sb-alert--small" data-testid="workflow-warning">
            No way forward from {check.deadEnds.map((s) => statusLabel(s, 'agent')).join(', ')}: tickets there stay there.
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
