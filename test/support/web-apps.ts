import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** remix-serve plus the browser's address in X-Forwarded-For (decision 027). */
const SERVE_WEB_APP = resolve(ROOT, 'scripts/serve-web-app.mjs');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export interface RunningWebApp {
  url: string;
  output(): string;
  close(): Promise<void>;
}

/** Serves a built Remix app (apps/<name>/build) with scripts/serve-web-app.mjs, the way `npm start` does. */
export async function startWebApp(name: 'portal' | 'workspace', apiUrl: string, options: { port?: number } = {}): Promise<RunningWebApp> {
  const serverBuild = resolve(ROOT, `apps/${name}/build/server/index.js`);
  if (!existsSync(serverBuild)) {
    throw new Error(`apps/${name} is not built; run "npm run build" (npm test does it for you)`);
  }
  const port = options.port ?? (await freePort());
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [SERVE_WEB_APP, serverBuild], {
    cwd: resolve(ROOT, `apps/${name}`),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', API_URL: apiUrl, SESSION_SECRET: 'browser-test-secret', NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/login`);
      if (res.status < 500) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    output: () => output,
    close: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
