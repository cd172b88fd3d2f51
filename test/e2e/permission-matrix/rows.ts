import type { ApiClient } from '@switchboard/trpc-client';

/**
 * The permission matrix's vocabulary: who probes, what a probe may answer, the fixtures a probe gets,
 * and the shorthands the per-domain row modules (./auth.ts, ./tickets.ts, …) are written in.
 * 'target' is a ticket opened by a customer of a company whose visibility is `company`:
 * coShared is a colleague there, coOwn a user of a company whose visibility is `own`.
 */
export const WHO = ['anonymous', 'customer', 'coOwn', 'coShared', 'agent', 'manager', 'admin'] as const;
export type Who = (typeof WHO)[number];
export type Outcome = 'ok' | 'unauthorized' | 'forbidden' | 'not_found' | 'bad_request' | 'conflict';

export interface Fixtures {
  url: string;
  who: Who;
  client: ApiClient;
  /** The bearer token behind `client` (null for anonymous), for the SSE subscriptions. */
  token: string | null;
  /** The `company`-visibility ticket every read probe targets. */
  target: number;
  /** A new ticket of the same requester, for probes that change or close it. */
  fresh(status?: 'resolved'): Promise<number>;
  /** A client of `who` on a new token, for probes that revoke it. */
  freshClient(): Promise<ApiClient>;
  companyId: number;
  /** A customer the admin moves out of the company (and back, for the next role). */
  customerId: number;
  /** A customer of the company whose company-admin flag is set. */
  memberId: number;
  categoryId: number;
  userId: number | null;
  /** The admin who set the fixtures up, for probes that need something made or read first. */
  admin: ApiClient;
  /** The target's requester, whose password the auth.login probe signs in with. */
  loginEmail: string;
  /** An agent the people and chat probes name. */
  staffId: number;
  /** A name no other row or run has used. */
  unique(prefix: string): string;
}
export type Probe = (f: Fixtures) => Promise<unknown>;

/** One procedure's row: how to call it as `f.who`, and what each role must get. */
export type Rows = Record<string, { probe: Probe; expect: Record<Who, Outcome> }>;

// Shorthands for the rows: every role but anonymous gets `rest`, unless named.
export const row = (rest: Outcome, named: Partial<Record<Who, Outcome>> = {}): Record<Who, Outcome> =>
  Object.fromEntries(WHO.map((w) => [w, named[w] ?? (w === 'anonymous' ? 'unauthorized' : rest)])) as Record<Who, Outcome>;
export const staffOnly = row('ok', { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden' });
export const managers = row('ok', { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden', agent: 'forbidden' });
export const adminOnly = row('forbidden', { admin: 'ok' });
export const everyone = row('ok');
export const publicOk = row('ok', { anonymous: 'ok' });
/** Reading the target: the company colleague may (visibility `company`), other customers get 404. */
export const readTarget = row('ok', { customer: 'not_found', coOwn: 'not_found' });
/** Acting on the target as its requester would: colleagues may read it but not act (403), others 404. */
export const requesterAction = row('ok', { customer: 'not_found', coOwn: 'not_found', coShared: 'forbidden' });

const SSE_ERROR_CODES: Record<string, Outcome> = {
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  BAD_REQUEST: 'bad_request',
};

/**
 * A live subscription over server-sent events, the way the apps' proxy routes open one: an error is a
 * `serialized-error` event right after `connected` (the access checks run before anything is yielded);
 * a stream still open and quiet after a moment is an accepted subscription.
 */
export async function sse(f: Fixtures, procedure: string, input: unknown): Promise<void> {
  const controller = new AbortController();
  const res = await fetch(`${f.url}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { accept: 'text/event-stream', ...(f.token ? { authorization: `Bearer ${f.token}` } : {}) },
    signal: controller.signal,
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 400;
  try {
    while (Date.now() < deadline && !text.includes('serialized-error')) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    controller.abort();
  }
  const error = text.match(/event: serialized-error\ndata: (.*)\n/);
  if (error) {
    const code = (JSON.parse(error[1]) as { data?: { code?: string } }).data?.code ?? 'other';
    throw Object.assign(new Error(code), { outcome: SSE_ERROR_CODES[code] ?? `other: ${code}` });
  }
}

/** The same answer for everyone, signed in or not (public procedures that refuse the input itself). */
export const all = (outcome: Outcome) => row(outcome, { anonymous: outcome });
/** Staff get `staff`; customers are refused by the rules. */
export const staffAnswer = (staff: Outcome) => row(staff, { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden' });
export const managersAnswer = (answer: Outcome) => row(answer, { customer: 'forbidden', coOwn: 'forbidden', coShared: 'forbidden', agent: 'forbidden' });

export const NO_CHAT = 2_000_000_000;
export const noChat = row('forbidden', { agent: 'not_found', manager: 'not_found', admin: 'not_found' });
