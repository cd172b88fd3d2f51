import type { AddressInfo } from 'node:net';
import { createApi, createWorker } from '../../apps/api/src/bootstrap.js';

export interface RunningApi {
  url: string;
  close(): Promise<void>;
}

/** The real HTTP app on an ephemeral loopback port, against the run's scratch database. */
export async function startApi(): Promise<RunningApi> {
  const { app } = await createApi();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export async function startWorker() {
  const { worker } = await createWorker();
  return { close: () => worker.close() };
}
