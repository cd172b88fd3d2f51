/** Multipart uploads to, and downloads from, the attachment routes, as an integrator would do them. */
export interface UploadFile {
  name: string;
  type: string;
  content: Buffer | string;
}

/** A 1×1 transparent PNG. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF_MINIMAL = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function upload(baseUrl: string, token: string | null, files: UploadFile[], field = 'file') {
  const form = new FormData();
  for (const f of files) form.append(field, new Blob([f.content], { type: f.type }), f.name);
  const res = await fetch(`${baseUrl}/api/v1/attachments`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export async function download(baseUrl: string, token: string | null, idOrUrl: number | string) {
  const path = typeof idOrUrl === 'number' ? `/api/v1/attachments/${idOrUrl}` : idOrUrl;
  const res = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
