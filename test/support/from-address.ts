import { request } from 'node:http';

/**
 * A JSON request to the api from a chosen local address (127.0.0.2 is loopback too, but not
 * 127.0.0.1), so a test can be both a trusted proxy and a stranger to the same api.
 */
export function requestFrom(
  localAddress: string,
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: unknown },
): Promise<{ status: number; body: any }> {
  const target = new URL(url);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        localAddress,
        method: options.method ?? (payload ? 'POST' : 'GET'),
        path: options.path,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...options.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
