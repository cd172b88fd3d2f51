import type { EntryOriginal, EntryRoute } from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

/** The email-channel procedure the ticket page calls, typed by the contracts (see queueApi for the idea). */
export interface EmailRouteProcedures {
  email: {
    entryRoutes: { query(input: { ticketId: number }): Promise<EntryRoute[]> };
    entryOriginal: { query(input: { ticketId: number; entryId: number }): Promise<EntryOriginal> };
  };
}

export function emailRoutesApi(api: ApiClient): EmailRouteProcedures {
  return api;
}

/**
 * entry id -> "Email: matched by the In-Reply-To header", for the timeline's staff-only notes.
 * A failure here must not cost the agent the ticket page: no notes then.
 */
export async function emailEntryNotes(api: ApiClient, ticketId: number): Promise<Record<number, string>> {
  try {
    const routes = await emailRoutesApi(api).email.entryRoutes.query({ ticketId });
    return Object.fromEntries(routes.map((r) => [r.entryId, `Email from ${r.sender ?? 'unknown sender'}: ${r.reason}`]));
  } catch {
    return {};
  }
}
