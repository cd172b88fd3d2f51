import { fileURLToPath } from 'node:url';
import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import { sharedLibsConfig } from '../../vite.shared';

declare module '@remix-run/node' {
  // Loader and action types follow single fetch (turbo-stream), which the plugin enables below.
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: Number(process.env.PORT ?? 3001) },
  ...sharedLibsConfig([{ find: /^~\//, replacement: fileURLToPath(new URL('./app/', import.meta.url)) }]),
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
