import type { InboundEmailStatus } from '@switchboard/contracts';

/** The page's filter tabs: what needs an admin's eye first. */
export const INBOUND_FILTERS = {
  attention: { label: 'Needs attention', statuses: ['failed', 'spam', 'ignored'] },
  failed: { label: 'Failed', statuses: ['failed'] },
  spam: { label: 'Spam', statuses: ['spam'] },
  all: { label: 'All', statuses: [] },
} as const satisfies Record<string, { label: string; statuses: readonly InboundEmailStatus[] }>;
export type InboundFilter = keyof typeof INBOUND_FILTERS;
