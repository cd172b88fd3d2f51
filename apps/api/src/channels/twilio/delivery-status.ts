/** The delivery states Twilio reports for a message, in the order they can happen. */
export const DELIVERY_STATES = ['accepted', 'scheduled', 'queued', 'sending', 'sent', 'delivered', 'read', 'undelivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

const RANK: Record<DeliveryState, number> = {
  accepted: 0,
  scheduled: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  read: 5,
  undelivered: 4,
  failed: 4,
};

export const isDeliveryState = (s: string | undefined): s is DeliveryState => (DELIVERY_STATES as readonly string[]).includes(s ?? '');

/**
 * Status callbacks may arrive out of order (and twice): a state replaces another only when it is
 * at least as far along, so a late 'sent' never hides 'delivered'.
 */
export function supersedes(next: DeliveryState, current: string | null): boolean {
  if (!current || !isDeliveryState(current)) return true;
  return RANK[next] >= RANK[current];
}

/** States that rank at or below `next`: the ones an update may overwrite. */
export function statesBelowOrAt(next: DeliveryState): DeliveryState[] {
  return DELIVERY_STATES.filter((s) => RANK[s] <= RANK[next]);
}
