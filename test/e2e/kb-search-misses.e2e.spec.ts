import { jest } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { apiErrorKind, apiFieldErrors, createApiClient } from '@switchboard/trpc-client';
import type { AddressInfo } from 'node:net';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { KbClock } from '../../apps/api/src/kb/kb-clock.js';
import { MISSES_PER_CLIENT_HOUR } from '../../apps/api/src/kb/search/miss-limiter.js';
import { kbAuthor, uniqueWord } from '../support/kb.js';
import { createUser } from '../support/people.js';

let app: NestExpressApplication;
let url: string;
beforeAll(async () => {
  ({ app } = await createApi());
  await app.listen(0, '127.0.0.1');
  url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
});
afterEach(() => jest.restoreAllMocks());

const setClock = (at: string) => jest.spyOn(app.get(KbClock), 'now').mockReturnValue(new Date(at));
const customerClient = async () => createApiClient({ url, token: (await createUser(url, 'customer')).token });

describe('the search-miss log (what customers look for and do not find)', () => {
  it('counts a client once per query and day, and caps how many queries one client adds per hour', async () => {
    const { client: manager } = await kbAuthor(url);
    const flooder = await customerClient();
    const w = uniqueWord();
    setClock('2030-03-10T09:00:00Z');
    for (let i = 0; i < 5; i++) await flooder.kb.search.query({ q: `${w} nothing` });
    for (let i = 0; i < MISSES_PER_CLIENT_HOUR + 10; i++) await flooder.kb.search.query({ q: `${w} flood${i}` });

    const period = { from: '2030-03-10', to: '2030-03-10', limit: 500 };
    const logged = (await manager.kb.searchMisses.query(period)).filter((m) => m.query.startsWith(w));
    expect(logged.find((m) => m.query === `${w} nothing`)?.count).toBe(1);
    // The repeated query took one of the hour's slots; the flood stops at the cap.
    expect(logged).toHaveLength(MISSES_PER_CLIENT_HOUR);

    // The next hour the same client may log again; a search that did find something never counts.
    setClock('2030-03-10T10:05:00Z');
    await flooder.kb.search.query({ q: `${w} later` });
    expect((await manager.kb.searchMisses.query(period)).some((m) => m.query === `${w} later`)).toBe(true);
  });

  it('reports counts per normalised query over a period, most frequent first', async () => {
    const { client: manager } = await kbAuthor(url);
    const w = uniqueWord();
    const readers = await Promise.all([customerClient(), customerClient(), customerClient()]);
    setClock('2030-04-01T12:00:00Z');
    for (const reader of readers) await reader.kb.search.query({ q: `${w} refund` });
    await readers[0].kb.search.query({ q: `${w} VPN` });
    setClock('2030-04-20T12:00:00Z');
    await readers[0].kb.search.query({ q: `${w} refund!` });
    await readers[1].kb.search.query({ q: `${w} vpn`, locale: 'de' });

    const mine = async (input: { from?: string; to?: string }) =>
      (await manager.kb.searchMisses.query({ ...input, limit: 500 })).filter((m) => m.query.startsWith(w)).map((m) => [m.query, m.locale, m.count, m.days]);
    // Equal counts: the most recent first.
    expect(await mine({ from: '2030-04-01', to: '2030-04-30' })).toEqual([
      [`${w} refund`, '', 4, 2],
      [`${w} vpn`, 'de', 1, 1],
      [`${w} vpn`, '', 1, 1],
    ]);
    expect(await mine({ from: '2030-04-01', to: '2030-04-01' })).toEqual([
      [`${w} refund`, '', 3, 1],
      [`${w} vpn`, '', 1, 1],
    ]);
    // The default period is the 30 days up to today (by the clock).
    setClock('2030-05-15T08:00:00Z');
    expect(await mine({})).toEqual([
      [`${w} refund`, '', 1, 1],
      [`${w} vpn`, 'de', 1, 1],
    ]);

    const bad = await manager.kb.searchMisses.query({ from: '2030-05-01', to: '2030-04-01' }).catch((e: unknown) => e);
    expect(apiErrorKind(bad)).toBe('bad_request');
    expect(apiFieldErrors(bad)).toHaveProperty('from');
    const agent = createApiClient({ url, token: (await createUser(url, 'agent')).token });
    expect(apiErrorKind(await agent.kb.searchMisses.query({}).catch((e: unknown) => e))).toBe('forbidden');
  });
});
