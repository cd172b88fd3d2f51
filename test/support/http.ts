import { randomBytes } from 'node:crypto';

export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

/** A small REST client for the tests: JSON in, JSON out, optional bearer token. */
export function restClient(baseUrl: string) {
  async function call<T = any>(method: string, path: string, token?: string | null, body?: unknown): Promise<JsonResponse<T>> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  return {
    get: <T = any>(path: string, token?: string | null) => call<T>('GET', `/api/v1${path}`, token),
    post: <T = any>(path: string, body: unknown, token?: string | null) => call<T>('POST', `/api/v1${path}`, token, body),
    patch: <T = any>(path: string, body: unknown, token?: string | null) => call<T>('PATCH', `/api/v1${path}`, token, body),
    delete: <T = any>(path: string, token?: string | null) => call<T>('DELETE', `/api/v1${path}`, token),
    raw: call,
  };
}

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomBytes(5).toString('hex')}@example.test`;
