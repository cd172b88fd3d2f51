import type {
  BulkUpdateInput,
  BulkUpdateResult,
  Catalog,
  IssueType,
  ListTicketsInput,
  Named,
  SavedView,
  SaveIssueTypeInput,
  Ticket,
  TicketPage,
  TicketSla,
  UpdateTicketInput,
} from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';

/**
 * The procedures the queue, board, ticket editors and admin pages call, typed by the contracts.
 * Shows at a glance what these pages depend on; the real client must match it (see queueApi).
 */
export interface QueueProcedures {
  catalog: {
    get: { query(): Promise<Catalog> };
    saveIssueType: { mutate(input: SaveIssueTypeInput): Promise<IssueType> };
    saveCategory: { mutate(input: { id?: number; name: string }): Promise<Named> };
    saveTeam: { mutate(input: { id?: number; name: string }): Promise<Named> };
  };
  tickets: {
    list: { query(input: ListTicketsInput): Promise<TicketPage> };
    get: { query(input: { id: number }): Promise<Ticket> };
    update: { mutate(input: UpdateTicketInput): Promise<Ticket> };
    take: { mutate(input: { id: number }): Promise<Ticket> };
    bulkUpdate: { mutate(input: BulkUpdateInput): Promise<BulkUpdateResult> };
  };
  sla: {
    forTickets: { query(input: { ticketIds: number[] }): Promise<TicketSla[]> };
    forTicket: { query(input: { ticketId: number }): Promise<TicketSla> };
  };
  views: {
    list: { query(): Promise<SavedView[]> };
    save: { mutate(input: { id?: number; name: string; filters: Record<string, unknown>; shared: boolean }): Promise<SavedView> };
    delete: { mutate(input: { id: number }): Promise<{ ok: boolean }> };
  };
}

export function queueApi(api: ApiClient): QueueProcedures {
  // No cast: if the API stops matching what these pages expect, type-checking says so here.
  return api;
}
