import type { CallRecord } from './timeline/entry-calls.repository.js';

/**
 * Where an entry came from, for channels that deliver things (Twilio): `sourceKey` is unique and
 * stored with the entry, so a retried delivery finds the entry instead of adding it again; `call`
 * makes the entry a 'call' with its details (ticket_entry_calls), `template` a reply sent as a
 * template (ticket_entry_templates); both written in the entry's transaction.
 */
export interface EntryOrigin {
  sourceKey?: string;
  call?: CallRecord;
  /**
   * A reply sent as a provider's pre-approved template (WhatsApp): allowed outside the channel's
   * free-form window, and the sender sends the template with these values instead of the text.
   */
  template?: { name: string; contentSid: string; variables: Record<string, string> };
  /**
   * The channel sends its own plain text beside the HTML (an email's text part, its quoted history
   * folded): that is the entry's text, instead of text derived from the HTML, so search,
   * notifications and previews read what the sender wrote, not the folded quote.
   */
  textBesideHtml?: boolean;
}
