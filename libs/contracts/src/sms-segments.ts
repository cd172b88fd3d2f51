/**
 * How many SMS segments a text takes, as carriers count them: GSM-7 when every character is in
 * the GSM 03.38 alphabet (160 per single message, 153 per part of a long one; the extension
 * characters take two), else UCS-2 (70, or 67 per part, counted in UTF-16 units, so an emoji
 * counts twice).
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export interface SmsSegments {
  encoding: 'GSM-7' | 'UCS-2';
  /** Characters as the agent sees them (code points). */
  characters: number;
  /** Units the encoding counts: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units left before the next segment starts. */
  remaining: number;
  /** The first character that forced UCS-2, to tell the agent why. */
  nonGsm: string | null;
}

export function smsSegments(text: string): SmsSegments {
  const chars = [...text];
  let septets = 0;
  let nonGsm: string | null = null;
  for (const c of chars) {
    if (BASIC.has(c)) septets += 1;
    else if (EXTENDED.has(c)) septets += 2;
    else {
      nonGsm = c;
      break;
    }
  }
  const encoding = nonGsm === null ? 'GSM-7' : 'UCS-2';
  const units = encoding === 'GSM-7' ? septets : text.length;
  const single = encoding === 'GSM-7' ? 160 : 70;
  const part = encoding === 'GSM-7' ? 153 : 67;
  const segments = units === 0 ? 0 : units <= single ? 1 : Math.ceil(units / part);
  const capacity = segments <= 1 ? single : segments * part;
  return { encoding, characters: chars.length, units, segments, remaining: capacity - units, nonGsm };
}
