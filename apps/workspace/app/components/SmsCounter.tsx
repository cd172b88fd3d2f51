import { smsSegments } from '@switchboard/contracts';

/** WhatsApp takes up to 4096 characters in one message; it has no segments. */
const WHATSAPP_MAX = 4096;

/**
 * Under the reply box of an SMS or WhatsApp ticket: how long the reply is and, for SMS, how many
 * segments it will be sent as (GSM-7 or UCS-2, and which character forced UCS-2).
 */
export function SmsCounter({ channel, text }: { channel: 'sms' | 'whatsapp'; text: string }) {
  const count = smsSegments(text);
  let detail: string;
  if (channel === 'whatsapp') {
    detail = `${count.characters} / ${WHATSAPP_MAX} characters`;
  } else {
    const why = count.nonGsm ? ` because of “${count.nonGsm}”` : '';
    detail =
      `${count.characters} character${count.characters === 1 ? '' : 's'} · ` +
      `${count.segments} SMS segment${count.segments === 1 ? '' : 's'} (${count.encoding}${why})` +
      (count.segments > 0 ? ` · ${count.remaining} left in this segment` : '');
  }
  return (
    <p
      className={`sb-composer__counter${channel === 'whatsapp' && count.characters > WHATSAPP_MAX ? ' sb-composer__counter--over' : ''}`}
      data-testid="sms-counter"
      data-segments={count.segments}
      data-encoding={count.encoding}
      aria-live="polite"
    >
      {detail}
    </p>
  );
}
