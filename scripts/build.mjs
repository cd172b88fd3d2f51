#!/usr/bin/env node
// Builds everything `npm start` and the tests need, in order, stopping at the first failure:
//   1. tsc -b tsconfig.build.json   (libs/contracts, prisma-free-migrations, apps/api -> dist/)
//   2. per Remix app: tsc --noEmit (vite strips types without checking them), then remix vite:build (-> build/)
// --api-only skips the Remix builds.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, binDir, run, log, runMain, colour } from './lib/proc.mjs';

export const REMIX_APPS = ['portal', 'workspace'];

/**
 * tsc -b keeps its tsconfig.tsbuildinfo next to tsconfig.json, outside dist/: after someone deletes
 * dist/ it would still think the project is up to date and emit nothing. Forget the build info of
 * every project whose dist/ is gone so tsc -b rebuilds it.
 */
export function forgetStaleBuildInfo(tsconfig = path.join(repoRoot, 'tsconfig.build.json')) {
  const config = JSON.parse(fs.readFileSync(tsconfig, 'utf8'));
  for (const ref of config.references ?? []) {
    const dir = path.resolve(path.dirname(tsconfig), ref.path);
    const info = path.join(dir, 'tsconfig.tsbuildinfo');
    if (fs.existsSync(info) && !fs.existsSync(path.join(dir, 'dist'))) {
      log(`${path.relative(repoRoot, dir)}/dist is missing: forgetting its stale tsconfig.tsbuildinfo`);
      fs.rmSync(info);
    }
  }
}

export async function build({ apiOnly = false } = {}) {
  const started = Date.now();
  forgetStaleBuildInfo();
  await run('build: TypeScript (contracts, migrations, api)', path.join(binDir, 'tsc'), ['-b', 'tsconfig.build.json']);
  if (!apiOnly) {
    for (const app of REMIX_APPS) {
      // The apps' typed views of the API (e.g. PortalProcedures) only protect anyone if they are checked.
      await run(`typecheck: Remix app ${app}`, path.join(binDir, 'tsc'), ['-p', path.join('apps', app), '--noEmit']);
      await run(`build: Remix app ${app}`, path.join(binDir, 'remix'), ['vite:build'], { cwd: path.join(repoRoot, 'apps', app) });
    }
  }
  log(colour.green(`build done in ${((Date.now() - started) / 1000).toFixed(1)}s${apiOnly ? ' (API only)' : ''}`));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--api-only');
  if (unknown.length) {
    console.error(`usage: node scripts/build.mjs [--api-only]   (unknown: ${unknown.join(' ')})`);
    process.exit(2);
  }
  await runMain(() => build({ apiOnly: args.includes('--api-only') }));
}
