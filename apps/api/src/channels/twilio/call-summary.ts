/** "2 min 5 s", "45 s" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
}

const STATUS_WORDS: Record<string, string> = {
  completed: 'answered',
  busy: 'busy',
  'no-answer': 'not answered',
  failed: 'failed',
  canceled: 'canceled',
};

/** The call entry's text: direction, from, to, status, duration, and whether a recording exists. */
export function callSummary(p: Record<string, string>): string {
  const inbound = (p.Direction ?? 'inbound') === 'inbound';
  const duration = Number(p.CallDuration ?? p.Duration ?? 0) || 0;
  const status = STATUS_WORDS[p.CallStatus ?? ''] ?? p.CallStatus ?? 'unknown';
  const parts = [
    `${inbound ? 'Inbound' : 'Outbound'} call from ${p.From || 'an unknown number'} to ${p.To || 'an unknown number'}`,
    `${status}, ${formatDuration(duration)}`,
  ];
  if (p.RecordingUrl) parts.push('recorded');
  return `📞 ${parts.join(' · ')}`;
}
