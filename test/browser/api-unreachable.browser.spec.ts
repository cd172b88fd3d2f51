import { freePort, startWebApp, type RunningWebApp } from '../support/web-apps.js';

/** Both apps, pointed at an API that does not answer, say so instead of failing with a stack trace. */
describe.each(['portal', 'workspace'] as const)('%s with the API down', (name) => {
  let app: RunningWebApp;
  let apiUrl: string;
  beforeAll(async () => {
    apiUrl = `http://127.0.0.1:${await freePort()}`;
    app = await startWebApp(name, apiUrl);
  }, 60_000);
  afterAll(() => app?.close());

  it('still serves the sign-in page', async () => {
    const res = await fetch(`${app.url}/login`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('name="password"');
  });

  it('answers a sign-in attempt with a clear message naming the API address', async () => {
    const res = await fetch(`${app.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'agent@acme.test', password: 'switchboard-demo' }),
      redirect: 'manual',
    });
    const html = await res.text();
    expect(res.status).toBe(503);
    expect(html).toContain(`not reachable at ${apiUrl}`);
    expect(html).not.toMatch(/at .*\.js:\d+/);
  });
});
