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
  rootDir: '.',
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/apps/.*/build/'],
};

export default {
  testTimeout: 30_000,
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,prisma-free-migrations}/**/src/**/*.spec.{ts,tsx}'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'] },
  ],
};
