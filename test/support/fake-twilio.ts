import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TwilioRequest {
  method: string;
  path: string;
  /** Whether Basic auth carried the account SID and auth token. */
  authorized: boolean;
  params: Record<string, string>;
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  /** Every REST request, in order (media downloads included). */
  requests: TwilioRequest[];
  /** Requests to one REST resource, e.g. 'Messages' or 'Calls'. */
  created(resource: 'Messages' | 'Calls'): TwilioRequest[];
  /** Serves bytes at a path (as Twilio serves message media and recordings), behind Basic auth. */
  serve(path: string, contentType: string, bytes: Buffer): void;
  /** The sid the next created message or call gets (to post its status callback before we learn it). */
  nextSid(resource: 'Messages' | 'Calls', sid: string): void;
  close(): Promise<void>;
}

const hex = (n: number) => randomBytes(n).toString('hex');

/**
 * A local stand-in for Twilio's REST API (api.twilio.com/2010-04-01): Messages.json and
 * Calls.json answer the way Twilio does (201, JSON with a `sid`), after checking Basic auth with
 * the account SID and token; media paths serve registered bytes. The real `twilio` client is
 * pointed here through TWILIO_API_BASE_URL.
 */
export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${hex(16)}`;
  const authToken = hex(16);
  const requests: TwilioRequest[] = [];
  const files = new Map<string, { contentType: string; bytes: Buffer }>();
  const nextSids: Record<'Messages' | 'Calls', string[]> = { Messages: [], Calls: [] };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    const authorized = req.headers.authorization === expected;
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    requests.push({ method: req.method ?? 'GET', path: url.pathname, authorized, params });

    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (!authorized) return json(401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });

    const file = files.get(url.pathname);
    if (req.method === 'GET' && file) {
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) });
      return res.end(file.bytes);
    }
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(url.pathname);
    if (req.method === 'POST' && match && match[1] === accountSid) {
      const now = new Date().toUTCString();
      const common = { account_sid: accountSid, api_version: '2010-04-01', date_created: now, date_updated: now, to: params.To, from: params.From };
      if (match[2] === 'Messages') {
        const sid = nextSids.Messages.shift() ?? `SM${hex(16)}`;
        return json(201, {
          ...common,
          sid,
          body: params.Body,
          status: 'queued',
          direction: 'outbound-api',
          num_segments: '1',
          num_media: '0',
          price: null,
          error_code: null,
          error_message: null,
          uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
        });
      }
      const sid = nextSids.Calls.shift() ?? `CA${hex(16)}`;
      return json(201, { ...common, sid, status: 'queued', direction: 'outbound-api', uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json` });
    }
    json(404, { code: 20404, message: `The requested resource ${url.pathname} was not found`, status: 404 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    created: (resource) => requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/${resource}.json`)),
    serve: (path, contentType, bytes) => void files.set(path, { contentType, bytes }),
    nextSid: (resource, sid) => void nextSids[resource].push(sid),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
