import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import { sharedLibsConfig } from '../../vite.shared';

// Single Fetch types for useLoaderData/useActionData with `data()` responses.
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true;
  }
}

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
  ...sharedLibsConfig(),
  server: { port: 3900 },
});
