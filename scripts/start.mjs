#!/usr/bin/env node
// npm start: one command from a fresh checkout to a running helpdesk.
//   database + Redis (project-local ones under .data/ if nothing answers) -> build -> migrate up ->
//   seed (only an empty database) -> api, worker, portal, workspace as children with prefixed logs.
// Ctrl-C / SIGTERM stops everything; if any child dies, the others are stopped and we exit non-zero.
//
// Env: API_PORT (4000), PORTAL_PORT (3000), WORKSPACE_PORT (3001), DATABASE_URL, REDIS_URL,
//      SESSION_SECRET (a fixed development value when unset), SKIP_BUILD=1 to use the existing builds.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { spawn } from 'node:child_process';
import { ensureServices, tcpOpen, redact, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './lib/services.mjs';
import { repoRoot, binDir, run, log, colour, runMain, OpsError } from './lib/proc.mjs';
import { build, REMIX_APPS } from './build.mjs';
import { migrate } from './migrate.mjs';

const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;
const DEMO_PASSWORD = 'switchboard-demo';
const DEMO_LOGINS = [
  ['admin@acme.test', 'admin'],
  ['manager@acme.test', 'manager'],
  ['agent@acme.test', 'agent'],
  ['agent2@acme.test', 'agent'],
  ['customer@acme.test', 'customer of Acme'],
  ['solo@example.test', 'customer (no company)'],
];

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new OpsError(`${name} must be a port number (got "${raw}")`);
  return n;
}

// ---------------------------------------------------------------- build freshness (Remix apps only)
// tsc -b is incremental by itself; a Remix build takes a while, so it is skipped when build/ is newer
// than every source file of the app and of libs/ (which the apps import).
function newestMtime(dir, skip = new Set(['node_modules', 'build', 'dist', '.cache', '.react-router'])) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (skip.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p, skip));
    else if (e.isFile()) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function remixBuildIsFresh(app) {
  const out = path.join(repoRoot, 'apps', app, 'build', 'server', 'index.js');
  if (!fs.existsSync(out)) return false;
  const built = fs.statSync(out).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'apps', app)),
    newestMtime(path.join(repoRoot, 'libs')),
    fs.statSync(path.join(repoRoot, 'package-lock.json')).mtimeMs,
  );
  return built > sources;
}

async function buildAll() {
  if (process.env.SKIP_BUILD === '1') {
    log('SKIP_BUILD=1: using the existing builds');
    return;
  }
  const fresh = REMIX_APPS.filter(remixBuildIsFresh);
  if (fresh.length === REMIX_APPS.length) {
    log(`Remix builds are newer than their sources; building the API only`);
    await build({ apiOnly: true });
    return;
  }
  await build();
}

// ---------------------------------------------------------------- children
const children = [];
let stopping = false;

const PALETTE = [colour.magenta, colour.green, colour.blue, colour.yellow];
const labelWidth = 'workspace'.length;

function pipeLines(stream, prefix, sink) {
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  rl.on('line', (line) => sink.write(`${prefix} ${line}\n`));
}

function startChild(name, cmd, args, { cwd = repoRoot, env }) {
  const paint = PALETTE[children.length % PALETTE.length];
  const prefix = paint(`[${name}]`.padEnd(labelWidth + 2));
  // Own process group, so a terminal Ctrl-C reaches only us and we stop the children in order
  // (and a child's own children go with it when we signal the group).
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const entry = { name, child, exited: null };
  children.push(entry);
  pipeLines(child.stdout, prefix, process.stdout);
  pipeLines(child.stderr, prefix, process.stderr);
  child.on('error', (err) => {
    console.error(`${prefix} could not start: ${err.message}`);
  });
  child.on('exit', (code, signal) => {
    entry.exited = signal ? `killed by ${signal}` : `exit code ${code}`;
    if (!stopping) {
      console.error(colour.red(`[ops] ${name} stopped unexpectedly (${entry.exited}); stopping the others`));
      shutdown(1);
    }
  });
  return entry;
}

function signalGroup(entry, signal) {
  if (entry.exited || !entry.child.pid) return;
  try {
    process.kill(-entry.child.pid, signal);
  } catch {
    try {
      entry.child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

let shutdownPromise;
function shutdown(code) {
  if (shutdownPromise) return shutdownPromise;
  stopping = true;
  shutdownPromise = (async () => {
    const alive = children.filter((c) => !c.exited);
    if (alive.length) log(`stopping ${alive.map((c) => c.name).join(', ')}`);
    for (const c of alive) signalGroup(c, 'SIGTERM');
    const deadline = Date.now() + STOP_GRACE_MS;
    while (children.some((c) => !c.exited) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    for (const c of children.filter((c) => !c.exited)) {
      log(`${c.name} did not stop within ${STOP_GRACE_MS / 1000}s; killing it`);
      signalGroup(c, 'SIGKILL');
    }
    process.exit(code);
  })();
  return shutdownPromise;
}

// Last resort if we are ended some other way: do not leave orphans behind.
process.on('exit', () => {
  for (const c of children) signalGroup(c, 'SIGKILL');
});

// ---------------------------------------------------------------- readiness
async function waitFor(what, url, accept) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (stopping) throw new OpsError('stopped while waiting for the services');
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
      await res.arrayBuffer().catch(() => {});
      if (accept(res)) return res;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new OpsError(`${what} did not answer at ${url} within ${READY_TIMEOUT_MS / 1000}s (last: ${last})`);
}

function box(lines) {
  // eslint-disable-next-line no-control-regex
  const visible = (s) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const width = Math.max(...lines.map(visible));
  const out = [`┌${'─'.repeat(width + 2)}┐`];
  for (const l of lines) out.push(`│ ${l}${' '.repeat(width - visible(l))} │`);
  out.push(`└${'─'.repeat(width + 2)}┘`);
  return out.join('\n');
}

// ---------------------------------------------------------------- main
await runMain(async () => {
  const apiPort = port('API_PORT', port('PORT', 4000));
  const portalPort = port('PORTAL_PORT', 3000);
  const workspacePort = port('WORKSPACE_PORT', 3001);
  const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  for (const [name, p] of [['API_PORT', apiPort], ['PORTAL_PORT', portalPort], ['WORKSPACE_PORT', workspacePort]]) {
    if (await tcpOpen('127.0.0.1', p, 500)) {
      throw new OpsError(`port ${p} (${name}) is already in use; stop whatever runs there or set ${name} to a free port`);
    }
  }

  const sessionSecret = process.env.SESSION_SECRET || 'switchboard-dev-session-secret-not-for-production';
  if (!process.env.SESSION_SECRET) log('SESSION_SECRET is not set; using a fixed development secret');

  const baseEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    SESSION_SECRET: sessionSecret,
    // Rating links in emails point at this portal.
    PORTAL_URL: process.env.PORTAL_URL || `http://localhost:${portalPort}`,
    // Staff password reset links point at this workspace.
    WORKSPACE_URL: process.env.WORKSPACE_URL || `http://localhost:${workspacePort}`,
  };

  await ensureServices({ databaseUrl, redisUrl });
  log(`database ${redact(databaseUrl)}, redis ${redact(redisUrl)}`);
  await buildAll();
  await migrate('up', { env: baseEnv });
  await migrate('seed', { env: baseEnv });

  if (!process.env.SENDGRID_API_KEY || !process.env.TWILIO_ACCOUNT_SID || !process.env.TWILIO_AUTH_TOKEN) {
    log(
      colour.yellow(
        `without SENDGRID_API_KEY / TWILIO_ACCOUNT_SID + TWILIO_AUTH_TOKEN, outbound email/SMS is not sent: it goes to the local outbox, ` +
          `shown in the workspace at http://localhost:${workspacePort}/outbox`,
      ),
    );
  }

  const stop = (signal) => {
    log(`${signal} received`);
    shutdown(0);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGHUP'));

  const apiEnv = { ...baseEnv, PORT: String(apiPort), API_PORT: String(apiPort) };
  startChild('api', process.execPath, [path.join(repoRoot, 'apps/api/dist/main.js')], { env: apiEnv });
  startChild('worker', process.execPath, [path.join(repoRoot, 'apps/api/dist/worker.js')], { env: apiEnv });
  // The server resolves the client assets (build/client) against its working directory, so each
  // app runs from its own folder. serve-web-app.mjs is remix-serve that also forwards the browser's address.
  for (const [app, p] of [['portal', portalPort], ['workspace', workspacePort]]) {
    startChild(app, process.execPath, [path.join(repoRoot, 'scripts/serve-web-app.mjs'), 'build/server/index.js'], {
      cwd: path.join(repoRoot, 'apps', app),
      env: { ...baseEnv, NODE_ENV: 'production', PORT: String(p), API_URL: apiUrl },
    });
  }

  try {
    await waitFor('the API', `${apiUrl}/health`, (res) => res.status === 200);
    const answers = await Promise.all([
      waitFor('the portal', `http://127.0.0.1:${portalPort}/`, () => true),
      waitFor('the workspace', `http://127.0.0.1:${workspacePort}/`, () => true),
    ]);
    for (const [name, res] of [['portal', answers[0]], ['workspace', answers[1]]]) {
      if (res.status >= 500) log(colour.yellow(`warning: the ${name} answers / with HTTP ${res.status}; see its log lines above`));
    }
  } catch (err) {
    if (stopping) return; // a child died; shutdown() is already exiting non-zero
    console.error(colour.red(`[ops] error: ${err.message}`));
    await shutdown(1);
  }

  const url = (p, suffix = '') => colour.bold(`http://localhost:${p}${suffix}`);
  console.log(
    '\n' +
      box([
        colour.green(colour.bold('Switchboard is running')),
        '',
        `Portal (customers)   ${url(portalPort)}`,
        `Workspace (agents)   ${url(workspacePort)}`,
        `API                  ${url(apiPort)}`,
        `OpenAPI              ${url(apiPort, '/api/v1/openapi.json')}`,
        '',
        `Demo logins, all with password ${colour.bold(DEMO_PASSWORD)}:`,
        ...DEMO_LOGINS.map(([email, who]) => `  ${email.padEnd(20)} ${colour.dim(who)}`),
        '',
        colour.dim('Outbound email/SMS without provider keys: workspace /outbox'),
        colour.dim('Ctrl-C stops everything.'),
      ]) +
      '\n',
  );
});
