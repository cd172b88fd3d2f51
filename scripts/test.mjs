#!/usr/bin/env node
// npm test [-- <jest args>]
// The suite needs the database and Redis (project-local ones are started under .data/ if nothing
// answers) and built apps (browser tests drive the built Remix apps), so: ensure services ->
// node scripts/build.mjs (SKIP_BUILD=1 skips it) -> jest in ESM mode with the root jest config.
// Exits with jest's exit code.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ensureServices, DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './lib/services.mjs';
import { repoRoot, run, log, runMain, OpsError } from './lib/proc.mjs';

await runMain(async () => {
  const env = {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL || DEFAULT_REDIS_URL,
  };
  await ensureServices({ databaseUrl: env.DATABASE_URL, redisUrl: env.REDIS_URL });

  if (env.SKIP_BUILD === '1') log('SKIP_BUILD=1: testing the existing builds');
  else await run('build', process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { env });

  const jestArgs = process.argv.slice(2);
  // Ask jest for a JSON result file as well, to end with one plain 'N passed, N failed' line that
  // CI can read (jest's own summary has a different shape). Left alone if the caller asks for JSON.
  const resultsFile = path.join(repoRoot, '.cache', 'jest-results.json');
  const wantSummary = !jestArgs.some((a) => a === '--json' || a.startsWith('--outputFile'));
  if (wantSummary) {
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.rmSync(resultsFile, { force: true });
    jestArgs.push('--json', `--outputFile=${resultsFile}`);
  }
  const jest = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
  log(`jest ${jestArgs.join(' ')}`.trim());
  const code = await new Promise((resolve, reject) => {
    // jest's workers inherit --experimental-vm-modules through process.execArgv.
    const child = spawn(process.execPath, ['--experimental-vm-modules', jest, ...jestArgs], {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
    });
    child.on('error', (err) => reject(new OpsError(`could not run jest: ${err.message}`)));
    child.on('exit', (c, signal) => resolve(signal ? 1 : c ?? 1));
    // Forward Ctrl-C / SIGTERM so jest can tear down its servers.
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  });
  if (wantSummary && fs.existsSync(resultsFile)) {
    try {
      const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
      const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
      // Suites that failed to run (syntax error, failing beforeAll...) count as failures too.
      const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
      console.log(`\ntests: ${r.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    } catch {
      /* jest's own output says what happened */
    }
  }
  process.exitCode = code;
});
