import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';

/** One /v3/mail/send request as SendGrid would receive it. */
export interface SentMail {
  authorization: string;
  body: {
    personalizations: { to: { email: string; name?: string }[]; cc?: { email: string }[] }[];
    from: { email: string; name?: string };
    reply_to?: { email: string };
    subject: string;
    content: { type: string; value: string }[];
    headers?: Record<string, string>;
    attachments?: { content: string; filename: string; type?: string; disposition?: string }[];
  };
}

/**
 * A stand-in for api.sendgrid.com: checks what the v3 mail/send API checks that matters to us
 * (method and path, `Authorization: Bearer <key>`, JSON with personalizations, from, subject and
 * content), records each accepted request and answers 202 with an X-Message-Id like SendGrid.
 * `failNext(n)` makes the next n requests fail with a 500, to exercise retries.
 */
export async function startSendgridServer(apiKey: string) {
  const sent: SentMail[] = [];
  const rejected: { status: number; reason: string }[] = [];
  let failures = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const refuse = (status: number, reason: string) => {
        rejected.push({ status, reason });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: reason }] }));
      };
      if (req.method !== 'POST' || req.url !== '/v3/mail/send') return refuse(404, `unexpected ${req.method} ${req.url}`);
      const authorization = req.headers.authorization ?? '';
      if (authorization !== `Bearer ${apiKey}`) return refuse(401, 'bad Authorization header');
      if (!String(req.headers['content-type']).startsWith('application/json')) return refuse(415, 'expected JSON');
      let body: SentMail['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return refuse(400, 'body is not JSON');
      }
      const problems = [
        !Array.isArray(body.personalizations) || body.personalizations.length === 0 ? 'personalizations' : null,
        !body.personalizations?.every((p) => Array.isArray(p.to) && p.to.length && p.to.every((t) => /@/.test(t.email))) ? 'personalizations.to' : null,
        !body.from?.email ? 'from.email' : null,
        typeof body.subject !== 'string' || !body.subject ? 'subject' : null,
        !Array.isArray(body.content) || !body.content.every((c) => c.type && typeof c.value === 'string' && c.value.length) ? 'content' : null,
      ].filter(Boolean);
      if (problems.length) return refuse(400, `invalid ${problems.join(', ')}`);
      if (failures > 0) {
        failures--;
        return refuse(500, 'simulated outage');
      }
      sent.push({ authorization, body });
      res.writeHead(202, { 'x-message-id': randomBytes(8).toString('hex') }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    rejected,
    failNext(n: number) {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SendgridServer = Awaited<ReturnType<typeof startSendgridServer>>;

/**
 * The Event Webhook's signing pair: SendGrid keeps the private key, the api is given the public one
 * (SENDGRID_EVENT_PUBLIC_KEY, base64 DER). `sign` makes the X-Twilio-Email-Event-Webhook-Signature
 * SendGrid would send for that timestamp and body.
 */
export function eventWebhookKeys() {
  const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKey: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    sign: (timestamp: string, body: string) => createSign('sha256').update(timestamp + body).sign(keys.privateKey).toString('base64'),
  };
}
