import { createApiClient } from '@switchboard/trpc-client';
import { randomBytes, randomInt } from 'node:crypto';
import { createUser } from './people.js';

/** A company with chat enabled (and its HMAC secret), set up through the admin procedures. */
export async function chatCompany(url: string, opts: { invite?: { afterSeconds: number; urlPattern: string | null; message: string }; color?: string; categoryId?: number } = {}) {
  const admin = await createUser(url, 'admin');
  const adminClient = createApiClient({ url, token: admin.token });
  const company = await adminClient.companies.save.mutate({ name: `Chat Co ${randomBytes(4).toString('hex')}`, brandPrimaryColor: opts.color ?? '#aa2200' });
  const settings = await adminClient.chat.saveSettings.mutate({
    companyId: company.id,
    enabled: true,
    inviteAfterSeconds: opts.invite?.afterSeconds ?? null,
    inviteUrlPattern: opts.invite?.urlPattern ?? null,
    inviteMessage: opts.invite?.message ?? null,
    categoryId: opts.categoryId ?? null,
  });
  return { companyId: company.id, secret: settings.secret!, admin, adminClient };
}

/** The widget's HTTP calls, as the widget makes them (text/plain JSON bodies, token in body or query). */
export function visitorApi(url: string, ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`) {
  // Each helper is its own visitor address (the API trusts X-Forwarded-For from loopback): chat starts are counted per address.
  const headers = { 'x-forwarded-for': ip };
  const call = async (path: string, body?: unknown) => {
    const res = await fetch(
      `${url}/chat/v1${path}`,
      body === undefined ? { headers } : { method: 'POST', headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, body: JSON.stringify(body) },
    );
    return { status: res.status, body: (await res.json()) as any, headers: res.headers };
  };
  return {
    call,
    start: (body: Record<string, unknown>) => call('/chats', body),
    view: (chatId: number, token: string) => call(`/chats/${chatId}?token=${encodeURIComponent(token)}`),
    post: (chatId: number, token: string, body: string, clientId?: string) => call(`/chats/${chatId}/messages`, { token, body, clientId }),
    contact: (chatId: number, token: string, name: string, email: string) => call(`/chats/${chatId}/contact`, { token, name, email }),
    leave: (chatId: number, token: string) => call(`/chats/${chatId}/leave`, { token }),
  };
}
