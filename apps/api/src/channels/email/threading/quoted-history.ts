/** Lines that start the quoted history in a reply: "On <date>, <name> wrote:", Outlook's header block, "-----Original Message-----". */
const HISTORY_START = [
  /^\s*On\b.{0,200}\bwrote:\s*$/i,
  /^\s*Am\b.{0,200}\bschrieb\b.{0,100}:\s*$/i,
  /^\s*Le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i,
  /^\s*-{2,}\s*Ursprüngliche Nachricht\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/,
  /^\s*From:\s.+$/i,
];

/** Whether a line (or a block's text) starts the quoted history: "On … wrote:", "-----Original Message-----", … */
export const startsQuotedHistory = (line: string) => HISTORY_START.some((pattern) => pattern.test(line));

/**
 * Splits a reply's plain text into what the sender wrote and the quoted history under it (and
 * the signature after "-- "). The original is kept in inbound_emails; the timeline shows the new part.
 */
export function foldQuotedHistory(text: string): { visible: string; folded: string } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '-- ' || startsQuotedHistory(line)) {
      cut = i;
      break;
    }
    // A run of quoted lines that lasts to the end of the message is history too.
    if (line.startsWith('>') && lines.slice(i).every((l) => l.startsWith('>') || l.trim() === '')) {
      cut = i;
      break;
    }
  }
  const visible = lines.slice(0, cut).join('\n').trim();
  // Never fold everything away: a message that is only a quote (a bare forward) stays whole.
  if (!visible) return { visible: text.trim(), folded: '' };
  return { visible, folded: lines.slice(cut).join('\n').trim() };
}
