// Small process helpers shared by the run/ops scripts. No dependencies beyond Node itself.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the repository root (scripts/lib/ is two levels below it). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The binaries npm installed for the whole workspace. */
export const binDir = path.join(repoRoot, 'node_modules', '.bin');

const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (s) => (useColour ? `\x1b[${code}m${s}\x1b[0m` : String(s));
export const colour = {
  red: paint('31'), green: paint('32'), yellow: paint('33'), blue: paint('34'),
  magenta: paint('35'), cyan: paint('36'), bold: paint('1'), dim: paint('2'),
};

export function log(msg) {
  console.log(`${colour.cyan('[ops]')} ${msg}`);
}

/** Thrown for an expected failure: the scripts print only its message, no stack. */
export class OpsError extends Error {}

/**
 * Runs a command with inherited stdio and resolves when it exits 0.
 * Rejects with an OpsError naming the step when it fails, so callers fail fast.
 */
export function run(step, cmd, args, { cwd = repoRoot, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    log(`${step}: ${colour.dim([cmd, ...args].join(' '))}${cwd !== repoRoot ? colour.dim(` (in ${path.relative(repoRoot, cwd)})`) : ''}`);
    const child = spawn(cmd, args, { cwd, env, stdio: 'inherit' });
    child.on('error', (err) => reject(new OpsError(`${step} failed: could not run ${cmd}: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new OpsError(`${step} failed (${signal ? `killed by ${signal}` : `exit code ${code}`}): ${[cmd, ...args].join(' ')}`));
    });
  });
}

/** Runs `main`, printing an OpsError as one red line and anything else with its stack; sets the exit code. */
export async function runMain(main) {
  try {
    await main();
  } catch (err) {
    if (err instanceof OpsError) console.error(`${colour.red('[ops] error:')} ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  }
}
