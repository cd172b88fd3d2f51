import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startApi, type RunningApi } from '../support/api.js';
import { sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';
import { download, PDF_MINIMAL, PNG_1PX, upload } from '../support/uploads.js';

let api: RunningApi;
let rest: ReturnType<typeof restClient>;
type Person = Awaited<ReturnType<typeof createUser>>;
let customer: Person;
let otherCustomer: Person;
let agent: Person;

beforeAll(async () => {
  api = await startApi();
  rest = restClient(api.url);
  [customer, otherCustomer, agent] = await Promise.all([
    createUser(api.url, 'customer'),
    createUser(api.url, 'customer'),
    createUser(api.url, 'agent', { name: 'Ana Files' }),
  ]);
});
afterAll(() => api.close());

const unique = (name: string) => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${name}`;

async function uploadOne(token: string, file = { name: unique('shot.png'), type: 'image/png', content: PNG_1PX as Buffer | string }) {
  const res = await upload(api.url, token, [file]);
  expect(res.status).toBe(201);
  return res.body[0] as { id: number; filename: string; contentType: string; size: number; url: string };
}

async function ticketWith(token: string, attachmentIds: number[]) {
  return rest.post('/tickets', { subject: unique('Screenshot attached'), description: 'See the picture.', attachmentIds }, token);
}

describe('POST /api/v1/attachments', () => {
  it('stores an image and answers with its id, clean name, sniffed type and size', async () => {
    const res = await upload(api.url, customer.token, [
      { name: '../../etc/screen shot.png', type: 'image/png', content: PNG_1PX },
      { name: 'notes.txt', type: 'text/plain', content: 'héllo\n' },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toEqual([
      { id: expect.any(Number), filename: 'screen shot.png', contentType: 'image/png', size: PNG_1PX.length, url: expect.stringMatching(/^\/api\/v1\/attachments\/\d+$/) },
      expect.objectContaining({ filename: 'notes.txt', contentType: 'text/plain', size: Buffer.byteLength('héllo\n') }),
    ]);
    const [row] = await sql<{ uploader_id: number; ticket_entry_id: number | null }>('SELECT uploader_id, ticket_entry_id FROM attachments WHERE id = ?', [res.body[0].id]);
    expect(row).toEqual({ uploader_id: customer.id, ticket_entry_id: null });
  });

  it('decides the type from the bytes, not from what the client claims', async () => {
    const png = await uploadOne(customer.token, { name: 'mystery.bin', type: 'application/octet-stream', content: PNG_1PX });
    expect(png.contentType).toBe('image/png');

    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0), Buffer.from('This program cannot be run in DOS mode')]);
    const filename = unique('photo.png');
    const res = await upload(api.url, customer.token, [{ name: filename, type: 'image/png', content: exe }]);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^file: ".*photo\.png" is of a type that is not accepted \(application\/octet-stream\)/);
    expect(res.body.data.fieldErrors.file).toContain('not accepted');
    expect(await sql('SELECT id FROM attachments WHERE filename = ?', [filename])).toHaveLength(0);
  });

  it('refuses a file past the size limit with 413 naming the field, and keeps nothing', async () => {
    const filename = unique('big.txt');
    const res = await upload(api.url, customer.token, [{ name: filename, type: 'text/plain', content: Buffer.alloc(10 * 1024 * 1024 + 1, 'a') }]);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/^file: ".*big\.txt" is larger than the limit of 10 MB$/);
    expect(res.body.data).toMatchObject({ domainCode: 'ATTACHMENT_TOO_LARGE', fieldErrors: { file: expect.stringContaining('10 MB') } });
    expect(await sql('SELECT id FROM attachments WHERE filename = ?', [filename])).toHaveLength(0);
    expect(readdirSync(join(process.env.ATTACHMENTS_DIR!, 'tmp'))).toEqual([]);
  });

  it('refuses anonymous uploads, requests without a file and requests that are not multipart', async () => {
    const anonymous = await upload(api.url, null, [{ name: 'a.png', type: 'image/png', content: PNG_1PX }]);
    expect(anonymous.status).toBe(401);

    const wrongField = await upload(api.url, customer.token, [{ name: 'a.png', type: 'image/png', content: PNG_1PX }], 'picture');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.data.fieldErrors).toEqual({ file: expect.stringContaining('is required') });

    const json = await rest.raw('POST', '/api/v1/attachments', customer.token, { file: 'abc' });
    expect(json.status).toBe(400);
    expect(json.body.message).toContain('multipart/form-data');

    const empty = await upload(api.url, customer.token, [{ name: 'empty.txt', type: 'text/plain', content: '' }]);
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain('is empty');
  });

  it('stores the same bytes once, however often they are uploaded', async () => {
    const content = Buffer.from(`same bytes ${Date.now()}\n`);
    const first = await uploadOne(customer.token, { name: 'a.txt', type: 'text/plain', content });
    const second = await uploadOne(otherCustomer.token, { name: 'b.txt', type: 'text/plain', content });
    expect(second.id).not.toBe(first.id);
    const rows = await sql<{ storage_key: string }>('SELECT storage_key FROM attachments WHERE id IN (?, ?)', [first.id, second.id]);
    expect(rows[0]!.storage_key).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]!.storage_key).toBe(rows[0]!.storage_key);
    const key = rows[0]!.storage_key;
    expect(readdirSync(join(process.env.ATTACHMENTS_DIR!, key.slice(0, 2), key.slice(2, 4))).filter((f) => f === key)).toHaveLength(1);
  });
});

describe('attaching uploads to tickets, replies and notes', () => {
  it('attaches uploads to a new ticket and to a reply; the timeline lists them', async () => {
    const shot = await uploadOne(customer.token);
    const created = await ticketWith(customer.token, [shot.id]);
    expect(created.status).toBe(200);

    const pdf = await uploadOne(customer.token, { name: 'invoice.pdf', type: 'application/pdf', content: PDF_MINIMAL });
    const reply = await rest.post(`/tickets/${created.body.id}/replies`, { body: 'And the invoice.', attachmentIds: [pdf.id] }, customer.token);
    expect(reply.status).toBe(200);
    expect(reply.body.attachments).toEqual([pdf]);

    const timeline = await rest.get(`/tickets/${created.body.id}/timeline`, customer.token);
    const withFiles = timeline.body.entries.filter((e: { attachments: unknown[] }) => e.attachments.length > 0);
    expect(withFiles.map((e: { kind: string; attachments: Array<{ id: number }> }) => [e.kind, e.attachments.map((a) => a.id)])).toEqual([
      ['message', [shot.id]],
      ['message', [pdf.id]],
    ]);
  });

  it('refuses someone else’s upload, naming attachmentIds, and creates nothing', async () => {
    const theirs = await uploadOne(otherCustomer.token);
    const subject = unique('Not my file');
    const res = await rest.post('/tickets', { subject, description: 'x', attachmentIds: [theirs.id] }, customer.token);
    expect(res.status).toBe(400);
    expect(res.body.data.fieldErrors).toEqual({ attachmentIds: expect.stringContaining('one you uploaded') });
    expect(await sql('SELECT id FROM tickets WHERE subject = ?', [subject])).toHaveLength(0);
    const [row] = await sql<{ ticket_entry_id: number | null }>('SELECT ticket_entry_id FROM attachments WHERE id = ?', [theirs.id]);
    expect(row!.ticket_entry_id).toBeNull();
  });

  it('refuses an upload that is already attached, and an id that does not exist', async () => {
    const shot = await uploadOne(customer.token);
    expect((await ticketWith(customer.token, [shot.id])).status).toBe(200);
    const again = await ticketWith(customer.token, [shot.id]);
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/^attachmentIds: /);
    const missing = await ticketWith(customer.token, [987654321]);
    expect(missing.status).toBe(400);
  });
});

describe('GET /api/v1/attachments/:id', () => {
  it('serves the requester and staff, with safe headers; another customer gets 404', async () => {
    const shot = await uploadOne(customer.token, { name: 'screen.png', type: 'image/png', content: PNG_1PX });
    const pdf = await uploadOne(customer.token, { name: 'invoice ü.pdf', type: 'application/pdf', content: PDF_MINIMAL });
    expect((await ticketWith(customer.token, [shot.id, pdf.id])).status).toBe(200);

    const own = await download(api.url, customer.token, shot.url);
    expect(own.status).toBe(200);
    expect(own.bytes.equals(PNG_1PX)).toBe(true);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('content-disposition')).toBe(`inline; filename="screen.png"; filename*=UTF-8''screen.png`);
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('content-security-policy')).toContain("default-src 'none'");

    const doc = await download(api.url, agent.token, pdf.id);
    expect(doc.status).toBe(200);
    expect(doc.bytes.equals(PDF_MINIMAL)).toBe(true);
    expect(doc.headers.get('content-disposition')).toBe(`attachment; filename="invoice _.pdf"; filename*=UTF-8''invoice%20%C3%BC.pdf`);

    const stranger = await download(api.url, otherCustomer.token, shot.id);
    expect(stranger.status).toBe(404);
    expect(stranger.bytes.toString()).not.toContain('PNG');
    expect((await download(api.url, null, shot.id)).status).toBe(401);
    expect((await download(api.url, customer.token, 987654321)).status).toBe(404);
    expect((await download(api.url, customer.token, '/api/v1/attachments/abc')).status).toBe(404);
  });

  it('never serves an internal note’s attachment to the customer, nor lists it in their timeline', async () => {
    const created = await ticketWith(customer.token, []);
    const file = await uploadOne(agent.token, { name: 'internal-logs.txt', type: 'text/plain', content: 'stack trace\n' });
    const note = await rest.post(`/tickets/${created.body.id}/replies`, { body: 'Logs attached.', internal: true, attachmentIds: [file.id] }, agent.token);
    expect(note.status).toBe(200);
    expect(note.body.attachments.map((a: { id: number }) => a.id)).toEqual([file.id]);

    expect((await download(api.url, agent.token, file.id)).status).toBe(200);
    const asCustomer = await download(api.url, customer.token, file.id);
    expect(asCustomer.status).toBe(404);
    expect(asCustomer.bytes.toString()).not.toContain('stack trace');

    const customerTimeline = await rest.get(`/tickets/${created.body.id}/timeline`, customer.token);
    expect(JSON.stringify(customerTimeline.body)).not.toContain('internal-logs');
    const agentTimeline = await rest.get(`/tickets/${created.body.id}/timeline`, agent.token);
    expect(JSON.stringify(agentTimeline.body)).toContain('internal-logs.txt');
  });

  it('serves an upload nobody attached yet only to its uploader', async () => {
    const loose = await uploadOne(customer.token);
    expect((await download(api.url, customer.token, loose.id)).status).toBe(200);
    expect((await download(api.url, otherCustomer.token, loose.id)).status).toBe(404);
    expect((await download(api.url, agent.token, loose.id)).status).toBe(404);
  });
});

it('documents both routes in the OpenAPI document', async () => {
  const doc = await rest.get('/openapi.json');
  expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/attachments', '/attachments/{id}']));
  expect(doc.body.paths['/attachments'].post.requestBody.content).toHaveProperty('multipart/form-data');
  expect(doc.body.paths['/tickets'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('attachmentIds');
});
