// Makes sure MariaDB/MySQL and Redis answer at the configured URLs.
//
// If something already answers, it is used as is (a shared server on 3306/6379 is never touched).
// If nothing answers and the URL points at this machine, a project-local server is started under
// the git-ignored .data/ folder, detached so it outlives this script (later runs reuse it).
// If no server binary is installed, we stop with one message that says how to get one with Docker.
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import mysql from 'mysql2/promise';
import { Redis } from 'ioredis';
import { repoRoot, log, OpsError } from './proc.mjs';

export const DEFAULT_DATABASE_URL = 'mysql://root@127.0.0.1:3306/switchboard';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const dataDir = path.join(repoRoot, '.data');

const START_TIMEOUT_MS = 60_000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const DOCKER_HINT = 'docker compose -f docker/compose.yml up -d';

/** The URL with any password replaced, for messages. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return String(url);
  }
}

function parseDbUrl(databaseUrl) {
  let u;
  try {
    u = new URL(databaseUrl);
  } catch {
    throw new OpsError(`DATABASE_URL is not a valid URL: ${databaseUrl}`);
  }
  if (!/^(mysql|mariadb):$/.test(u.protocol)) throw new OpsError(`DATABASE_URL must start with mysql:// (got ${redact(databaseUrl)})`);
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

function parseRedisUrl(redisUrl) {
  let u;
  try {
    u = new URL(redisUrl);
  } catch {
    throw new OpsError(`REDIS_URL is not a valid URL: ${redisUrl}`);
  }
  if (!/^rediss?:$/.test(u.protocol)) throw new OpsError(`REDIS_URL must start with redis:// (got ${redact(redisUrl)})`);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) };
}

/** Resolves true when a TCP connection to host:port succeeds within timeoutMs. */
export function tcpOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** { ok: true } when `SELECT 1` works; { ok: false, listening, error } otherwise. */
export async function probeDatabase(databaseUrl) {
  const db = parseDbUrl(databaseUrl);
  if (!(await tcpOpen(db.host, db.port))) return { ok: false, listening: false };
  let conn;
  try {
    // No database in the connection: `migrate up` creates it when it is missing.
    conn = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password, connectTimeout: 3000 });
    await conn.query('SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, listening: true, error: err.message };
  } finally {
    await conn?.end().catch(() => {});
  }
}

/** { ok: true } when PING answers PONG; { ok: false, listening, error } otherwise. */
export async function probeRedis(redisUrl) {
  const r = parseRedisUrl(redisUrl);
  if (!(await tcpOpen(r.host, r.port))) return { ok: false, listening: false };
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // reported through the rejected promise below
  try {
    await client.connect();
    const pong = await client.ping();
    return pong === 'PONG' ? { ok: true } : { ok: false, listening: true, error: `PING answered ${pong}` };
  } catch (err) {
    return { ok: false, listening: true, error: err.message };
  } finally {
    client.disconnect();
  }
}

/** Absolute path of an executable found on PATH or in the sbin folders, or null. */
export function findBinary(name) {
  const dirs = [...(process.env.PATH || '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function pidAlive(pidFile) {
  try {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    if (!pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Polls `probe` until it answers or the timeout passes; `exited()` lets a dead server fail fast. */
async function waitUntil(what, probe, { exited = () => null, logFile }) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last;
  while (Date.now() < deadline) {
    last = await probe();
    if (last.ok) return;
    const why = exited();
    if (why) throw new OpsError(`${what} stopped while starting (${why}). Last lines of ${logFile}:\n${tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new OpsError(
    `${what} did not answer within ${START_TIMEOUT_MS / 1000}s${last?.error ? ` (${last.error})` : ''}. Last lines of ${logFile}:\n${tail(logFile)}`,
  );
}

function serverVersion(bin) {
  const out = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return `${out.stdout || ''}${out.stderr || ''}`;
}

async function startMariadb(databaseUrl) {
  const db = parseDbUrl(databaseUrl);
  const bin = findBinary('mariadbd') || findBinary('mysqld');
  if (!bin) return false;
  const isMariadb = path.basename(bin) === 'mariadbd' || /mariadb/i.test(serverVersion(bin));

  const datadir = path.join(dataDir, 'mysql');
  const logFile = path.join(dataDir, 'mysql.log');
  const pidFile = path.join(dataDir, 'mysql.pid');
  // A unix socket path is limited to ~107 bytes; fall back to the temp dir for deep checkouts.
  let socket = path.join(dataDir, 'mysql.sock');
  if (Buffer.byteLength(socket) > 100) socket = path.join(os.tmpdir(), `switchboard-mysql-${db.port}.sock`);
  fs.mkdirSync(dataDir, { recursive: true });

  const running = pidAlive(pidFile);
  if (running) {
    throw new OpsError(
      `Nothing answers at ${redact(databaseUrl)}, but the project-local database server (pid ${running}, data in .data/mysql) ` +
        `is already running, presumably on another port. Point DATABASE_URL at that port, or stop it with: kill ${running}`,
    );
  }

  const userArgs = isRoot ? ['--user=root'] : [];
  if (!fs.existsSync(path.join(datadir, 'mysql'))) {
    log(`initialising a project-local database in .data/mysql (${path.basename(bin)})`);
    let init;
    if (isMariadb) {
      const installDb = findBinary('mariadb-install-db') || findBinary('mysql_install_db');
      if (!installDb) throw new OpsError(`${bin} is installed but mariadb-install-db is not; cannot initialise .data/mysql`);
      init = spawnSync(
        installDb,
        ['--no-defaults', '--auth-root-authentication-method=normal', `--datadir=${datadir}`, '--skip-test-db', ...userArgs],
        { encoding: 'utf8' },
      );
    } else {
      init = spawnSync(bin, ['--no-defaults', '--initialize-insecure', `--datadir=${datadir}`, ...userArgs], { encoding: 'utf8' });
    }
    fs.appendFileSync(logFile, `${init.stdout || ''}${init.stderr || ''}`);
    if (init.status !== 0) {
      fs.rmSync(datadir, { recursive: true, force: true });
      throw new OpsError(`initialising the database in .data/mysql failed (exit ${init.status}). Last lines of ${logFile}:\n${tail(logFile)}`);
    }
  }

  log(`starting a project-local ${isMariadb ? 'MariaDB' : 'MySQL'} on 127.0.0.1:${db.port} (data .data/mysql, log .data/mysql.log)`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    bin,
    [
      '--no-defaults',
      `--datadir=${datadir}`,
      `--port=${db.port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socket}`,
      `--pid-file=${pidFile}`,
      `--log-error=${logFile}`,
      ...(isMariadb ? [] : ['--mysqlx=OFF']),
      ...userArgs,
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  let exitInfo = null;
  child.on('exit', (code, signal) => (exitInfo = signal ? `killed by ${signal}` : `exit code ${code}`));
  child.unref();

  await waitUntil(`The database server on 127.0.0.1:${db.port}`, async () => {
    const probe = await probeDatabase(databaseUrl);
    // The fresh server is up but refuses our user: the URL wants a user/password it does not have.
    if (!probe.ok && probe.listening && /Access denied/i.test(probe.error || '')) {
      throw new OpsError(
        `The project-local database on 127.0.0.1:${db.port} is up but refuses ${db.user} (${probe.error}). ` +
          `It has only root without a password: use DATABASE_URL=mysql://root@127.0.0.1:${db.port}/${db.database || 'switchboard'}`,
      );
    }
    return probe;
  }, { exited: () => exitInfo, logFile });
  log(`database ready on 127.0.0.1:${db.port} (pid ${child.pid}; stop it with: kill ${child.pid})`);
  return true;
}

async function startRedis(redisUrl) {
  const r = parseRedisUrl(redisUrl);
  const bin = findBinary('redis-server');
  if (!bin) return false;
  fs.mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'redis.log');
  const pidFile = path.join(dataDir, `redis-${r.port}.pid`);
  log(`starting a project-local Redis on 127.0.0.1:${r.port} (log .data/redis.log)`);
  const res = spawnSync(
    bin,
    [
      '--port', String(r.port),
      '--bind', '127.0.0.1',
      '--save', '',
      '--appendonly', 'no',
      '--daemonize', 'yes',
      '--dir', dataDir,
      '--logfile', logFile,
      '--pidfile', pidFile,
    ],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) {
    throw new OpsError(`redis-server failed to start (exit ${res.status}): ${(res.stderr || res.stdout || '').trim()}\n${tail(logFile)}`);
  }
  await waitUntil(`Redis on 127.0.0.1:${r.port}`, () => probeRedis(redisUrl), { logFile });
  const pid = pidAlive(pidFile);
  log(`redis ready on 127.0.0.1:${r.port}${pid ? ` (pid ${pid}; stop it with: kill ${pid})` : ''}`);
  return true;
}

/**
 * Makes sure both services answer. Returns { started: string[] } naming what it had to start.
 * Throws an OpsError with one clear message when a service is down and cannot be started here
 * (checked for both before anything is started, so the message covers everything that is missing).
 */
export async function ensureServices({
  databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL,
} = {}) {
  const [dbProbe, redisProbe] = await Promise.all([probeDatabase(databaseUrl), probeRedis(redisUrl)]);
  // Something listens but does not work (wrong password, another protocol...): starting a server cannot help.
  if (!dbProbe.ok && dbProbe.listening) throw new OpsError(`Something answers at ${redact(databaseUrl)} but SELECT 1 fails: ${dbProbe.error}`);
  if (!redisProbe.ok && redisProbe.listening) throw new OpsError(`Something answers at ${redact(redisUrl)} but PING fails: ${redisProbe.error}`);

  const missing = [];
  if (!dbProbe.ok) {
    const local = LOCAL_HOSTS.has(parseDbUrl(databaseUrl).host);
    const hasBinary = Boolean(findBinary('mariadbd') || findBinary('mysqld'));
    missing.push({ name: 'database', url: databaseUrl, service: 'mysql', start: startMariadb,
      blocker: !local ? 'not a local host, so no server is started for it' : !hasBinary ? 'no mariadbd or mysqld installed here' : null });
  }
  if (!redisProbe.ok) {
    const local = LOCAL_HOSTS.has(parseRedisUrl(redisUrl).host);
    const hasBinary = Boolean(findBinary('redis-server'));
    missing.push({ name: 'redis', url: redisUrl, service: 'redis', start: startRedis,
      blocker: !local ? 'not a local host, so no server is started for it' : !hasBinary ? 'no redis-server installed here' : null });
  }

  const blocked = missing.filter((m) => m.blocker);
  if (blocked.length) {
    const what = blocked.map((m) => `${m.name === 'database' ? 'the database' : 'Redis'} at ${redact(m.url)} (${m.blocker})`).join(' and ');
    throw new OpsError(
      `Not reachable: ${what}. Start ${blocked.length > 1 ? 'them' : 'it'} yourself, or in Docker with: ` +
        `${DOCKER_HINT} ${blocked.map((m) => m.service).join(' ')}` +
        (blocked.some((m) => m.name === 'database')
          ? ` and then DATABASE_URL=mysql://switchboard:$MYSQL_PASSWORD@127.0.0.1:3306/switchboard`
          : ''),
    );
  }

  for (const m of missing) await m.start(m.url);
  return { started: missing.map((m) => m.name) };
}
