import type { OutboundMessage } from '@switchboard/contracts';
import type { OutboundMessageModel } from './outbound-message.model.js';

export function toOutboundMessage(m: OutboundMessageModel): OutboundMessage {
  return {
    id: Number(m.id),
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    body: m.body,
    status: m.status,
    deliveryStatus: m.deliveryStatus ?? null,
    ticketId: m.ticketId,
    createdAt: m.createdAt.toISOString(),
  };
}
