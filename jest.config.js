/**
 * Jest runs in native ESM mode (NestJS 12 packages are ESM only): scripts/test.mjs starts it with
 * --experimental-vm-modules. TypeScript is compiled by SWC, keeping decorator metadata for Nest DI.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@switchboard/contracts$': '<rootDir>/libs/contracts/src/index.ts',
    '^@switchboard/passwords$': '<rootDir>/libs/passwords/src/index.ts',
    '^@switchboard/migrations$': '<rootDir>/prisma-free-migrations/src/index.ts',
    '^@switchboard/trpc-client$': '<rootDir>/libs/trpc-client/src/index.ts',
    // Its ESM build imports JSON without an import attribute, which jest's ESM mode warns about on every load.
    '^libphonenumber-js$': '<rootDir>/node_modules/libphonenumber-js/index.cjs',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  // Each jest worker's own database and queue prefix (test/support/worker-env.mjs).
  setupFiles: ['<rootDir>/test/support/worker-env.mjs'],
  rootDir: '.',
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/apps/.*/build/'],
};

export default {
  testTimeout: 30_000,
  // On this 2-core machine jest has one worker, and would run every file inside its own process:
  // ESM test files each load the whole API again, the heap grows file after file, and past ~4 GB the
  // run died. A memory limit makes jest use a worker and replace it when it grows past the limit.
  workerIdleMemoryLimit: '1536MB',
  // Two workers even on two cores: e2e and browser files spend most of their time waiting on MariaDB, Redis
  // and Chromium, so a second file overlaps those waits (the whole suite: 957 s of jest with one worker, 558 s with two, all 944 tests passing). Each worker has its own
  // scratch database and queue prefix (global-setup.mjs, worker-env.mjs): sharing one, a worker took the other's
  // jobs and a crash test that mocks its own worker saw a healthy one do the job.
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,prisma-free-migrations}/**/src/**/*.spec.{ts,tsx}'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'] },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
      // 60 s per browser test (browser-timeout.mjs): each step waits up to Playwright's own 30 s, so a step
      // that never completes fails with Playwright's message naming what it waited for, not jest's bare timeout.
      setupFilesAfterEnv: ['<rootDir>/test/support/browser-timeout.mjs'],
    },
  ],
};
