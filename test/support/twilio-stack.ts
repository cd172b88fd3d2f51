import { startApi, startWorker, type RunningApi } from './api.js';
import { startFakeTwilio, type FakeTwilio } from './fake-twilio.js';
import { isolatedStack, type IsolatedStack } from './isolated-stack.js';
import { late } from './late.js';
import { PUBLIC_WEBHOOK_BASE, postTwilio } from './twilio-webhooks.js';

export interface TwilioStackOptions {
  /** Extra TWILIO_* settings for this file's api and worker. */
  env?: Record<string, string>;
  /** Run the queue worker too (default true). */
  worker?: boolean;
  /** Give the api the fake's account credentials (default true); false = Twilio off until an admin sets it. */
  credentials?: boolean;
}

/**
 * The api (and worker) of one test file on a database of its own, talking to a local fake of Twilio's
 * REST API, started in beforeAll and stopped in afterAll. `post` sends a webhook signed the way
 * Twilio signs it (see postTwilio).
 */
export function useTwilioStack(label: string, options: TwilioStackOptions = {}) {
  let api: RunningApi | undefined;
  let fake: FakeTwilio | undefined;
  let worker: { close(): Promise<void> } | undefined;
  let db: IsolatedStack | undefined;

  beforeAll(async () => {
    db = await isolatedStack({}, label);
    fake = await startFakeTwilio();
    if (options.credentials === false) {
      delete process.env.TWILIO_ACCOUNT_SID;
      delete process.env.TWILIO_AUTH_TOKEN;
    } else {
      Object.assign(process.env, { TWILIO_ACCOUNT_SID: fake.accountSid, TWILIO_AUTH_TOKEN: fake.authToken });
    }
    Object.assign(process.env, { TWILIO_API_BASE_URL: fake.url, TWILIO_WEBHOOK_BASE_URL: PUBLIC_WEBHOOK_BASE, ...options.env });
    api = await startApi();
    if (options.worker !== false) worker = await startWorker();
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await fake?.close();
    await db?.restore();
  });

  return {
    api: late('twilio stack: api', () => api),
    fake: late('twilio stack: fake Twilio', () => fake),
    post: (path: string, params: Record<string, string>, opts?: Parameters<typeof postTwilio>[4]) => postTwilio(api!.url, fake!.authToken, path, params, opts),
  };
}
