import type { ReadReceipt as Receipt } from '@switchboard/contracts';
import { RelativeTime } from '@switchboard/ui';

/**
 * Under the conversation: whether the customer has seen the newest public reply (the portal records
 * how far they have read when they open the ticket). Updated live: a "seen" event reloads the page.
 */
export function ReadReceipt({
  receipts,
  entries,
  now,
  timeZone,
}: {
  receipts: Receipt[];
  entries: Array<{ id: number; kind: string; visibility: string }>;
  now: string;
  timeZone: string;
}) {
  const lastReply = entries.filter((e) => e.kind === 'reply' && e.visibility === 'public').at(-1);
  if (!lastReply) return null;
  const customer = receipts.find((r) => r.requester);
  if (customer && customer.lastEntryId >= lastReply.id) {
    return (
      <p className="sb-read-receipt" data-testid="read-receipt">
        ✓ Seen by {customer.name} <RelativeTime value={customer.readAt} now={now} timeZone={timeZone} />
      </p>
    );
  }
  return (
    <p className="sb-read-receipt sb-read-receipt--unseen" data-testid="read-receipt">
      Not seen by the customer yet
    </p>
  );
}
