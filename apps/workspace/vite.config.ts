import { fileURLToPath } from 'node:url';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

declare module '@remix-run/node' {
  // Loader and action types follow single fetch (turbo-stream), which the plugin enables below.
  interface Future {
    v3_singleFetch: true;
  }
}

const lib = (path: string) => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

// The shared libs are TypeScript source: alias them to their entry files and bundle them into the server build.
const sharedLibs = ['@switchboard/contracts', '@switchboard/trpc-client', '@switchboard/ui'];

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3001) },
  resolve: {
    alias: [
      { find: /^~\//, replacement: fileURLToPath(new URL('./app/', import.meta.url)) },
      { find: /^@switchboard\/contracts$/, replacement: lib('contracts/src/index.ts') },
      { find: /^@switchboard\/trpc-client$/, replacement: lib('trpc-client/src/index.ts') },
      { find: /^@switchboard\/ui\/styles\.css(\?.*)?$/, replacement: `${lib('ui/src/styles.css')}$1` },
      { find: /^@switchboard\/ui$/, replacement: lib('ui/src/index.ts') },
    ],
  },
  ssr: { noExternal: sharedLibs },
  build: {
    rollupOptions: {
      // The contracts are declarations (schemas, enums): a file whose exports the browser does not use can go,
      // which keeps zod out of the client bundle when a component only needs an enum.
      treeshake: { moduleSideEffects: (id) => !/[\\/]libs[\\/]contracts[\\/]/.test(id) },
    },
  },
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
