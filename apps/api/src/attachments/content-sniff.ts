/**
 * Decides a file's content type from its first bytes. The client's claim (and the file name) only
 * choose between types the bytes cannot tell apart: a .docx is a zip, a .doc an OLE container, a .csv
 * plain text. Anything unrecognised is application/octet-stream, so an executable called photo.png
 * is not an image.
 */
export const SNIFF_BYTES = 4100;

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
};
const OLE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};
const TEXT: Record<string, string> = { txt: 'text/plain', log: 'text/plain', csv: 'text/csv', md: 'text/markdown' };

const startsWith = (head: Uint8Array, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);
const ascii = (head: Uint8Array, text: string, offset = 0) => startsWith(head, [...text].map((c) => c.charCodeAt(0)), offset);

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** Either the extension or the declared type names one of `choices`; returns that type. */
function claimed(choices: Record<string, string>, declared: string, filename: string): string | undefined {
  const values = Object.values(choices);
  return values.includes(declared) ? declared : choices[extensionOf(filename)];
}

/** Text: valid UTF-8 without NUL bytes (the head may end inside a multi-byte character). */
function looksLikeText(head: Uint8Array, complete: boolean): boolean {
  if (head.includes(0)) return false;
  let end = head.length;
  if (!complete) {
    // Drop a trailing partial UTF-8 sequence (at most 3 bytes).
    for (let i = 1; i <= 3 && end - i >= 0; i++) {
      const b = head[end - i]!;
      if ((b & 0xc0) === 0xc0) {
        end -= i;
        break;
      }
      if ((b & 0x80) === 0) break;
    }
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * @param head the first SNIFF_BYTES bytes (fewer when the file is shorter)
 * @param complete whether `head` is the whole file
 */
export function sniffContentType(head: Uint8Array, declared: string, filename: string, complete: boolean): string {
  const claim = declared.toLowerCase().split(';')[0]!.trim();
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return 'image/gif';
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return 'image/webp';
  if (ascii(head, '%PDF-')) return 'application/pdf';
  // Audio: voicemail recordings (Twilio serves MP3 or WAV) and WhatsApp voice notes (Ogg).
  if (ascii(head, 'RIFF') && ascii(head, 'WAVE', 8)) return 'audio/wav';
  if (ascii(head, 'ID3') || (head.length > 1 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0 && claim === 'audio/mpeg')) return 'audio/mpeg';
  if (ascii(head, 'OggS')) return 'audio/ogg';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return claimed(OOXML, claim, filename) ?? 'application/zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return claimed(OLE, claim, filename) ?? 'application/octet-stream';
  }
  if (head.length > 0 && looksLikeText(head, complete)) return claimed(TEXT, claim, filename) ?? 'text/plain';
  return 'application/octet-stream';
}

/** Images a browser may show inline; everything else downloads. */
export function isPreviewableImage(contentType: string): boolean {
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp'].includes(contentType);
}
