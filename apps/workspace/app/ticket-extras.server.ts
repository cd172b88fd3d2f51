import type { TicketSla, WhatsappTemplate } from '@switchboard/contracts';
import type { ApiClient } from '@switchboard/trpc-client';
import { emailEntryNotes } from '~/email-routes.server';
import { peopleApi } from '~/people-api.server';
import { queueApi } from '~/queue-api.server';

/**
 * The ticket page's side panels that the page can do without: the SLA panel, why each email landed
 * here, the agent's own phone for Call back (phone tickets), the approved WhatsApp templates (the only
 * thing WhatsApp takes after 24 hours) and read receipts. Asked for together; any that fails (a ticket
 * without an SLA yet, an API hiccup) leaves its panel empty and the ticket still shows.
 */
export async function loadTicketExtras(api: ApiClient, ticket: { id: number; channel: string }, userId: number) {
  const [sla, entryNotes, myPhone, whatsappTemplates, receipts] = await Promise.all([
    queueApi(api).sla.forTicket.query({ ticketId: ticket.id }).catch((): TicketSla | null => null),
    emailEntryNotes(api, ticket.id),
    ticket.channel === 'phone' ? peopleApi(api).people.agent.query({ id: userId }).then((p) => p.phone, () => null) : null,
    ticket.channel === 'whatsapp' ? api.phone.whatsappTemplates.query({}).catch((): WhatsappTemplate[] => []) : ([] as WhatsappTemplate[]),
    api.live.receipts.query({ ticketId: ticket.id }).catch(() => []),
  ]);
  return { sla, entryNotes, myPhone, whatsappTemplates, receipts };
}
