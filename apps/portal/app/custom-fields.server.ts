import type { Catalog, IssueType, Ticket } from '@switchboard/contracts';
import { customFieldErrors, customFieldsFromForm, formatCustomFieldValue, type ParsedCustomFields } from '@switchboard/ui';
import type { PortalApi } from './api.server';

export { customFieldErrors };

/** The issue type chosen on the form (if it is one the customer may use) and its fields' values. */
export function issueTypeFromForm(catalog: Catalog, form: FormData): { type: IssueType | null; custom: ParsedCustomFields | null } {
  const id = Number(form.get('issueTypeId'));
  const type = catalog.issueTypes.find((t) => t.id === id) ?? null;
  return { type, custom: type ? customFieldsFromForm(type.fields, form, 'omit') : null };
}

export async function loadCatalog(api: PortalApi): Promise<Catalog> {
  return api.catalog.get.query();
}

/** What the ticket page shows about the type: its name and the customer-visible field values, labelled. */
export function typeFacts(ticket: Ticket, catalog: Catalog): { typeName: string | null; fields: { key: string; label: string; value: string }[] } {
  const type = catalog.issueTypes.find((t) => t.id === ticket.issueType?.id);
  const fields = (type?.fields ?? [])
    .filter((f) => f.customerVisible && ticket.customFields[f.key] !== undefined)
    .map((f) => ({ key: f.key, label: f.label, value: formatCustomFieldValue(f, ticket.customFields[f.key]) }));
  return { typeName: ticket.issueType?.name ?? null, fields };
}
