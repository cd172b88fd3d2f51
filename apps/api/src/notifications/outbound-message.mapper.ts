import { subject } from '@casl/ability';
import type { OutboundMessage } from '@switchboard/contracts';
import type { AppAbility } from '../access/app-ability.js';
import type { OutboundMessageModel } from './outbound-message.model.js';

export const HIDDEN_BODY = 'This message holds a one-time secret (such as a password reset link) and is only shown to admins.';

export function toOutboundMessage(m: OutboundMessageModel, ability: AppAbility): OutboundMessage {
  const bodyVisible = ability.can('read', subject('OutboundMessage', { sensitive: Boolean(m.sensitive) }), 'body');
  return {
    id: Number(m.id),
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject,
    body: bodyVisible ? m.body : HIDDEN_BODY,
    status: m.status,
    deliveryStatus: m.deliveryStatus ?? null,
    ticketId: m.ticketId,
    createdAt: m.createdAt.toISOString(),
  };
}
