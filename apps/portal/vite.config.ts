import { fileURLToPath } from 'node:url';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';

// Single Fetch types for useLoaderData/useActionData with `data()` responses.
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

const lib = (path: string) => fileURLToPath(new URL(`../../libs/${path}`, import.meta.url));

export default defineConfig({
  plugins: [
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
      },
    }),
  ],
  resolve: {
    // The shared libs are TypeScript source, not built packages: compile them with the portal.
    alias: [
      // Browser code only needs the enums and labels; importing them directly keeps zod out of the client bundle.
      { find: /^@switchboard\/contracts\/enums$/, replacement: lib('contracts/src/enums.ts') },
      { find: /^@switchboard\/contracts$/, replacement: lib('contracts/src/index.ts') },
      { find: /^@switchboard\/trpc-client$/, replacement: lib('trpc-client/src/index.ts') },
      // Only the form helpers for custom fields (no React components, no styles) come from the shared ui lib.
      { find: /^@switchboard\/ui\/custom-fields$/, replacement: lib('ui/src/custom-fields.ts') },
    ],
  },
  ssr: {
    noExternal: ['@switchboard/contracts', '@switchboard/trpc-client', '@switchboard/ui'],
  },
  server: { port: 3900 },
});
