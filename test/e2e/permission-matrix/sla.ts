import { row, staffOnly, managers, readTarget, type Rows } from './rows.js';

/** SLAs: staff read policies and ticket SLAs; managers and admins change settings and read compliance. */
export const slaRows: Rows = {
  // SLAs: staff read policies and ticket SLAs; managers and admins change settings and read compliance.
  'sla.forTicket': { probe: (f) => f.client.sla.forTicket.query({ ticketId: f.target }), expect: staffOnly },
  'sla.forTickets': { probe: (f) => f.client.sla.forTickets.query({ ticketIds: [f.target] }), expect: staffOnly },
  'sla.settings': { probe: (f) => f.client.sla.settings.query({}), expect: staffOnly },
  // Refused input, so nothing is created: who may reach validation is what this row checks.
  'sla.savePolicy': { probe: (f) => f.client.sla.savePolicy.mutate({} as never), expect: row('forbidden', { manager: 'bad_request', admin: 'bad_request' }) },
  'sla.saveCalendar': { probe: (f) => f.client.sla.saveCalendar.mutate({} as never), expect: row('forbidden', { manager: 'bad_request', admin: 'bad_request' }) },
  'sla.preview': {
    probe: async (f) => {
      const { policies } = await f.admin.sla.settings.query({});
      return f.client.sla.preview.query({ policyId: policies[0].id, urgency: 'high', importance: 'high', createdAt: '2026-11-20T17:30:00Z' });
    },
    expect: staffOnly,
  },
  'sla.compliance': { probe: (f) => f.client.sla.compliance.query({ groupBy: 'policy' }), expect: managers },
  'sla.setCompanyDisplay': { probe: (f) => f.client.sla.setCompanyDisplay.mutate({ companyId: f.companyId, show: false }), expect: managers },
  'sla.expectedResponse': { probe: (f) => f.client.sla.expectedResponse.query({ ticketId: f.target }), expect: readTarget },
};
