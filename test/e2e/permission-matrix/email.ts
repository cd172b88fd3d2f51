import { DEFAULT_TEMPLATES } from '../../../apps/api/src/channels/email/templates/default-templates.js';
import { row, staffOnly, adminOnly, type Rows } from './rows.js';

/** The email channel: inbound log, templates, support addresses, route reasons, originals. */
export const emailRows: Rows = {
  // The email channel: the inbound log and templates are the admins'; route reasons are for staff who may work the ticket.
  'email.inbound': { probe: (f) => f.client.email.inbound.query({ status: ['failed'] }), expect: adminOnly },
  'email.retry': { probe: (f) => f.client.email.retry.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
  'email.entryRoutes': { probe: (f) => f.client.email.entryRoutes.query({ ticketId: f.target }), expect: staffOnly },
  'email.template': { probe: (f) => f.client.email.template.query({ companyId: f.companyId, kind: 'acknowledgement' }), expect: adminOnly },
  // Saves the built-in text for the fixture company: nothing any other test sees changes.
  'email.saveTemplate': {
    probe: (f) => f.client.email.saveTemplate.mutate({ companyId: f.companyId, kind: 'acknowledgement', enabled: true, ...DEFAULT_TEMPLATES.acknowledgement }),
    expect: adminOnly,
  },
  // Support addresses per company/brand are the admins' (an address no other test sends to).
  'email.addresses': { probe: (f) => f.client.email.addresses.query(), expect: adminOnly },
  'email.saveAddress': {
    probe: (f) => f.client.email.saveAddress.mutate({ address: `matrix-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@brand.test`, companyId: f.companyId }),
    expect: adminOnly,
  },
  'email.previewTemplate': {
    probe: (f) => f.client.email.previewTemplate.mutate({ companyId: null, kind: 'csat', enabled: true, ...DEFAULT_TEMPLATES.csat }),
    expect: adminOnly,
  },
  // The original of an emailed entry is for staff who may work the ticket; the target has no emailed entry, hence not_found for them.
  'email.entryOriginal': {
    probe: async (f) => {
      const { entries } = await f.admin.tickets.timeline.query({ id: f.target });
      return f.client.email.entryOriginal.query({ ticketId: f.target, entryId: entries[0].id });
    },
    expect: row('not_found', { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden' }),
  },
  'email.removeAddress': { probe: (f) => f.client.email.removeAddress.mutate({ id: 2_000_000_000 }), expect: row('forbidden', { admin: 'not_found' }) },
};
