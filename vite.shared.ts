import { fileURLToPath } from 'node:url';
import type { Alias, UserConfig } from 'vite';

/*
 * What both Remix apps (apps/portal, apps/workspace) need to use the shared libs. The libs are
 * TypeScript source, not built packages: alias each to its entry file, and bundle them into the
 * server build instead of leaving them to Node.
 */

const lib = (path: string) => fileURLToPath(new URL(`./libs/${path}`, import.meta.url));

export const SHARED_LIBS = ['@switchboard/contracts', '@switchboard/trpc-client', '@switchboard/ui'];

const sharedLibAliases: Alias[] = [
  // Browser code that only needs enums and labels can import them alone, without the zod schemas.
  { find: /^@switchboard\/contracts\/enums$/, replacement: lib('contracts/src/enums.ts') },
  { find: /^@switchboard\/contracts$/, replacement: lib('contracts/src/index.ts') },
  { find: /^@switchboard\/trpc-client$/, replacement: lib('trpc-client/src/index.ts') },
  { find: /^@switchboard\/ui\/styles\.css(\?.*)?$/, replacement: `${lib('ui/src/styles.css')}$1` },
  { find: /^@switchboard\/ui$/, replacement: lib('ui/src/index.ts') },
];

/** Vite settings for the shared libs; `aliases` come first, for the app's own (e.g. `~/`). */
export function sharedLibsConfig(aliases: Alias[] = []): Pick<UserConfig, 'resolve' | 'ssr' | 'build'> {
  return {
    resolve: { alias: [...aliases, ...sharedLibAliases] },
    ssr: { noExternal: SHARED_LIBS },
    build: {
      rollupOptions: {
        // The contracts are declarations (schemas, enums): a file whose exports the browser does not use can go,
        // which keeps zod out of the client bundle when a component (e.g. from @switchboard/ui) only needs an enum.
        treeshake: { moduleSideEffects: (id) => !/[\\/]libs[\\/]contracts[\\/]/.test(id) },
      },
    },
  };
}
