import { Form, useNavigation } from '@remix-run/react';
import type { Catalog, Ticket } from '@switchboard/contracts';
import { rawCustomFields, type RawCustomFields } from '@switchboard/ui';
import { CustomFieldInputs } from './CustomFieldInputs';

export interface TicketDetailsErrors {
  intent: 'details' | 'take';
  formError?: string;
  /** By field: issueTypeId, categoryId, teamId, assigneeId, tags, or a custom field key. */
  fieldErrors?: Record<string, string>;
  raw?: RawCustomFields;
  tags?: string;
}

export interface TicketDetailsFormProps {
  ticket: Ticket;
  catalog: Catalog;
  currentUserId: number;
  errors?: TicketDetailsErrors;
}

/**
 * Issue type, category, team, assignee, tags and the type's custom fields, saved together under the
 * ticket's version. "Take it" assigns the ticket to the signed-in agent in one click.
 */
export function TicketDetailsForm({ ticket, catalog, currentUserId, errors }: TicketDetailsFormProps) {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle' && ['details', 'take'].includes(String(navigation.formData?.get('intent')));
  const type = catalog.issueTypes.find((t) => t.id === ticket.issueType?.id);
  const fieldErrors = errors?.fieldErrors ?? {};
  const raw = errors?.raw ?? rawCustomFields(ticket.customFields);
  const select = (name: string, label: string, value: number | null | undefined, options: { id: number; name: string }[], empty: string) => (
    <>
      <label className="sb-sideform__label" htmlFor={`details-${name}`}>
        {label}
      </label>
      <select id={`details-${name}`} name={name} defaultValue={value ? String(value) : ''}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {fieldErrors[name] ? (
        <p className="sb-field-error" data-testid="field-error">
          {fieldErrors[name]}
        </p>
      ) : null}
    </>
  );
  return (
    <div className="sb-sideform sb-details" data-testid="details-form-wrap">
      {ticket.assignee?.id !== currentUserId ? (
        <Form method="post" className="sb-details__take">
          <input type="hidden" name="intent" value="take" />
          <button type="submit" className="sb-button sb-button--small" disabled={busy} data-testid="take-ticket">
            Take it
          </button>
        </Form>
      ) : null}
      <Form method="post" data-testid="details-form" key={`${ticket.version}`}>
        <input type="hidden" name="intent" value="details" />
        <input type="hidden" name="version" value={ticket.version} />
        {select('assigneeId', 'Assignee', ticket.assignee?.id, catalog.agents, 'Unassigned')}
        {select('teamId', 'Team', ticket.team?.id, catalog.teams, 'No team')}
        {select('issueTypeId', 'Issue type', ticket.issueType?.id, catalog.issueTypes, 'None')}
        {select('categoryId', 'Category', ticket.category?.id, catalog.categories, 'None')}
        <label className="sb-sideform__label" htmlFor="details-tags">
          Tags <span className="sb-muted">(comma-separated)</span>
        </label>
        <input id="details-tags" name="tags" defaultValue={errors?.tags ?? ticket.tags.join(', ')} list="details-tag-list" />
        <datalist id="details-tag-list">
          {catalog.tags.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        {fieldErrors.tags ? (
          <p className="sb-field-error" data-testid="field-error">
            {fieldErrors.tags}
          </p>
        ) : null}
        {type && type.fields.length ? (
          <fieldset className="sb-details__fields" data-testid="custom-fields">
            <legend>{type.name}</legend>
            <CustomFieldInputs fields={type.fields} raw={raw} errors={fieldErrors} idPrefix="details-cf" />
          </fieldset>
        ) : null}
        <button type="submit" className="sb-button sb-button--small" disabled={busy} data-testid="details-save">
          {busy ? 'Saving…' : 'Save details'}
        </button>
        {errors?.formError ? (
          <p className="sb-alert sb-alert--error sb-alert--small" data-testid="error" role="alert">
            {errors.formError}
          </p>
        ) : null}
      </Form>
    </div>
  );
}
