import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { late } from './late.js';
import { createApi, createWorker } from '../../apps/api/src/bootstrap.js';

export interface RunningApi {
  url: string;
  /** The Nest application, for tests that reach into it (a clock, a processor). */
  app: NestExpressApplication;
  close(): Promise<void>;
}

/** The real HTTP app on an ephemeral loopback port, against the run's scratch database. */
export async function startApi(): Promise<RunningApi> {
  const { app } = await createApi();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

export async function startWorker() {
  const { worker } = await createWorker();
  return { close: () => worker.close() };
}

/**
 * The api (and, when asked, a worker) for a whole test file: started in a beforeAll registered here,
 * closed in an afterAll. Returns late-bound handles, so a file destructures them at the top:
 * `const { api } = useApi({ worker: true });` then its own beforeAll runs after these have started.
 */
export function useApi(options: { worker?: boolean } = {}) {
  let api: RunningApi | undefined;
  let worker: INestApplicationContext | undefined;
  beforeAll(async () => {
    api = await startApi();
    if (options.worker) ({ worker } = await createWorker());
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });
  return { api: late('api', () => api), worker: late('worker', () => worker) };
}
