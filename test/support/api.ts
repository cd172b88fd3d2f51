import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { startOwnStack, type OwnStackOptions } from './isolated-stack.js';
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

export interface UseApiOptions extends OwnStackOptions {
  /** Also run the queue worker in this process: `true` for one, a number for several competing for the jobs. */
  worker?: boolean | number;
}

/**
 * The api (and, when asked, workers, an own database, a local SendGrid) for a whole test file: started
 * in a beforeAll registered here, stopped in an afterAll. Returns late-bound handles, so a file
 * destructures them at the top: `const { api } = useApi({ worker: true });` then its own beforeAll runs
 * after these have started. `workers.stop()` / `workers.start()` take the workers down and bring one
 * back (crash tests); whatever runs at the end is closed here.
 */
export function useApi(options: UseApiOptions = {}) {
  let api: RunningApi | undefined;
  let own: Awaited<ReturnType<typeof startOwnStack>> | undefined;
  const running: INestApplicationContext[] = [];
  const workers = {
    async start() {
      running.push((await createWorker()).worker);
    },
    async stop() {
      while (running.length) await running.pop()!.close();
    },
  };

  beforeAll(async () => {
    own = await startOwnStack(options);
    api = await startApi();
    for (let i = 0; i < Number(options.worker ?? 0); i++) await workers.start();
  }, 120_000);
  afterAll(async () => {
    await workers.stop();
    await api?.close();
    await own?.stop();
  }, 60_000);

  return {
    api: late('api', () => api),
    worker: late('worker', () => running[0]),
    workers,
    sendgrid: late('local SendGrid', () => own?.sendgrid),
  };
}
