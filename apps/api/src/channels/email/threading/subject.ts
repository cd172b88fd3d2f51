/** Reply and forward prefixes of the common mail clients and languages (Re, Fwd, AW, WG, SV, VS, Antw, RIF, TR, ODP, ...). */
const PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|antw|rif|r|tr|odp|enc|res)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)+/i;
const TICKET_TAG = /\[\s*(?:ticket\s*)?#\s*(\d{1,10})\s*\]/i;

/** The ticket number a subject carries as `[#1234]` or `[Ticket #1234]`, or null. */
export function ticketNumberInSubject(subject: string): number | null {
  const match = TICKET_TAG.exec(subject);
  return match ? Number(match[1]) : null;
}

/** Subject without ticket tags and reply/forward prefixes, spaces collapsed, lower case: what "same subject" compares. */
export function normalizeSubject(subject: string): string {
  let s = subject.replace(new RegExp(TICKET_TAG.source, 'gi'), ' ');
  for (let previous = ''; previous !== s; ) {
    previous = s;
    s = s.replace(PREFIX, '').trim();
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A subject for mail about a ticket: `[#12] Re: <subject>` unless it already says so. */
export function replySubject(ticketId: number, subject: string): string {
  const bare = subject.replace(new RegExp(TICKET_TAG.source, 'gi'), ' ').replace(/\s+/g, ' ').trim();
  return `[#${ticketId}] ${PREFIX.test(bare) ? bare : `Re: ${bare}`}`;
}
