import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort } from './web-apps.js';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ApiProcess {
  url: string;
  pid: number;
  output(): string;
  close(): Promise<void>;
}

/**
 * The built api (apps/api/dist/main.js) as an operating-system process of its own, the way a
 * deployment runs several behind a load balancer: nothing in memory is shared with the test or
 * with another such process, only the database and Redis.
 */
export async function startApiProcess(env: Record<string, string> = {}): Promise<ApiProcess> {
  const file = resolve(ROOT, 'apps/api/dist/main.js');
  if (!existsSync(file)) throw new Error('apps/api is not built; run "npm run build" (npm test does it)');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [file], {
    env: { ...process.env, NODE_OPTIONS: '', API_PORT: String(port), API_HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`api process exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`api process did not answer within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    output: () => output,
    close: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.kill('SIGTERM');
      }),
  };
}
