import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Runs a built entry point with extra environment and collects how it ended. */
function boot(entry: 'main' | 'worker', env: Record<string, string>) {
  const file = resolve(ROOT, `apps/api/dist/${entry}.js`);
  if (!existsSync(file)) throw new Error('apps/api is not built; run "npm run build" (npm test does it)');
  return new Promise<{ code: number | null; output: string }>((done) => {
    const child = spawn(process.execPath, [file], { env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    });
  });
}

describe('boot-time configuration', () => {
  it.each(['main', 'worker'] as const)('%s stops with a message naming a wrong variable', async (entry) => {
    const { code, output } = await boot(entry, { DATABASE_URL: 'postgres://localhost/switchboard' });
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration');
    expect(output).toContain('DATABASE_URL: must be a URL starting with mysql://');
  });

  it('names every wrong variable at once', async () => {
    const { code, output } = await boot('main', { REDIS_URL: 'localhost:6379', API_PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toMatch(/REDIS_URL: must be a URL starting with redis:\/\//);
    expect(output).toMatch(/API_PORT: must be a port number/);
  });
});
