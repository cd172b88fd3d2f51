/**
 * Attachments are bytes, not tRPC procedures: the web apps upload to and download from the API's
 * plain HTTP routes (POST/GET /api/v1/attachments) with the signed-in user's token. Framework-free,
 * so both Remix apps share it.
 */

export interface AttachmentApiOptions {
  /** Base URL of the API, e.g. http://127.0.0.1:4000. */
  url: string;
  token: string;
  forwardedFor?: string | null;
  /** The browser's User-Agent (X-Switchboard-Client-User-Agent). */
  userAgent?: string | null;
}

export type UploadResult =
  | { ok: true; ids: number[] }
  /** `message` is ready to show next to the file field; status 0 means the API did not answer. */
  | { ok: false; status: number; message: string };

const base = (url: string) => url.replace(/\/+$/, '');

function headersFor({ token, forwardedFor, userAgent }: AttachmentApiOptions): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  if (userAgent) headers['x-switchboard-client-user-agent'] = userAgent;
  return headers;
}

/** Sends files to the API; on refusal returns the API's own words (size limit, type not accepted). */
export async function uploadAttachments(options: AttachmentApiOptions, files: readonly File[]): Promise<UploadResult> {
  if (files.length === 0) return { ok: true, ids: [] };
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`${base(options.url)}/api/v1/attachments`, { method: 'POST', headers: headersFor(options), body: form });
  } catch {
    return { ok: false, status: 0, message: 'The files could not be uploaded: the API is not reachable.' };
  }
  const body = (await res.json().catch(() => null)) as
    | Array<{ id: number }>
    | { message?: string; data?: { fieldErrors?: Record<string, string> } }
    | null;
  if (res.ok && Array.isArray(body)) return { ok: true, ids: body.map((a) => a.id) };
  const error = body && !Array.isArray(body) ? body : null;
  const message = error?.data?.fieldErrors?.file ?? error?.message?.replace(/^file:\s*/, '') ?? `The upload failed (HTTP ${res.status}).`;
  return { ok: false, status: res.status, message };
}

const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'x-content-type-options',
  'content-security-policy',
  'cache-control',
];

/**
 * The browser has no API token, so each app serves attachments through a resource route that
 * fetches them with the session's token and streams them on with the API's safety headers.
 * Anything but 200 becomes a bare status (404 reveals nothing; 401 lets the app sign the user out).
 */
export async function fetchAttachment(options: AttachmentApiOptions, id: string): Promise<Response> {
  if (!/^\d{1,15}$/.test(id)) return new Response('Not found', { status: 404 });
  let res: Response;
  try {
    res = await fetch(`${base(options.url)}/api/v1/attachments/${id}`, { headers: headersFor(options) });
  } catch {
    return new Response('The API is not reachable', { status: 503 });
  }
  if (res.status !== 200 || !res.body) {
    await res.body?.cancel();
    return new Response(res.status === 401 ? 'Sign in again' : 'Not found', { status: res.status === 401 ? 401 : 404 });
  }
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(res.body, { status: 200, headers });
}

/** One part of a multipart form as Remix's upload handlers receive it. */
export interface MultipartPart {
  name: string;
  filename?: string;
  contentType: string;
  data: AsyncIterable<Uint8Array>;
}

/**
 * An upload handler (for Remix's unstable_parseMultipartFormData) that keeps text fields, collects
 * the files of `fileField` in memory up to `maxBytes` each, and notes (instead of failing on) files
 * past the limit, so the form can say which file was too large and keep what the user typed.
 */
export function collectUploads(maxBytes: number, fileField = 'files') {
  const files: File[] = [];
  const tooLarge: string[] = [];
  const decoder = () => new TextDecoder();
  const FIELD_LIMIT = 1024 * 1024;

  async function handler({ name, filename, contentType, data }: MultipartPart): Promise<string | undefined> {
    if (filename === undefined) {
      const text = decoder();
      let value = '';
      for await (const chunk of data) {
        if (value.length < FIELD_LIMIT) value += text.decode(chunk, { stream: true });
      }
      return value + text.decode();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.length;
      if (size <= maxBytes && name === fileField) chunks.push(chunk);
    }
    if (name !== fileField || (size === 0 && !filename)) return undefined;
    if (size > maxBytes) tooLarge.push(filename);
    else files.push(new File(chunks as BlobPart[], filename, { type: contentType || 'application/octet-stream' }));
    return undefined;
  }
  return { handler, files, tooLarge };
}

/** 10485760 -> "10 MB", for the limit message the apps show before the API sees the file. */
export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** ATTACHMENT_MAX_BYTES as the apps read it (the API enforces its own copy of the same variable). */
export function attachmentMaxBytes(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.ATTACHMENT_MAX_BYTES);
  return Number.isInteger(value) && value > 0 ? value : 10 * 1024 * 1024;
}
