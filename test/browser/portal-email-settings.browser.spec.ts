import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { eventually, sql } from '../support/db.js';
import { restClient } from '../support/http.js';
import { createUser } from '../support/people.js';

const { api, portal, browser } = useBrowserStack({ portal: true, worker: true });

it('a customer turns off reply emails in the portal, and the next agent reply is not emailed to them', async () => {
  const customer = await createUser(api.url, 'customer', { name: 'Pia Portal' });
  const agent = await createUser(api.url, 'agent');
  const rest = restClient(api.url);
  const { body: ticket } = await rest.post('/tickets', { subject: 'Portal only please', description: 'x' }, customer.token);
  const replies = (n: number) =>
    eventually(async () => {
      const rows = await sql<{ status: string; error: string | null }>(
        'SELECT status, error FROM outbound_messages WHERE recipient = ? AND subject LIKE ? ORDER BY id',
        [customer.email, `%Re: Portal only please%`],
      );
      return rows.length >= n ? rows : null;
    });

  // By default an agent's reply is emailed.
  expect((await rest.post(`/tickets/${ticket.id}/replies`, { body: 'First answer' }, agent.token)).status).toBe(200);
  expect((await replies(1))[0]).toMatchObject({ status: 'local' });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, portal.url, customer.email);
  await page.click('[data-testid="email-settings-link"]');
  await page.waitForURL(/\/email-settings$/);
  expect(await page.isChecked('[data-testid="email-replies"]')).toBe(true);
  await page.uncheck('[data-testid="email-replies"]');
  await page.click('[data-testid="save-email-settings"]');
  await page.getByText('Email settings saved.').waitFor();
  expect(await page.isChecked('[data-testid="email-replies"]')).toBe(false);

  expect((await rest.post(`/tickets/${ticket.id}/replies`, { body: 'Second answer' }, agent.token)).status).toBe(200);
  const rows = await replies(2);
  expect(rows[1]).toMatchObject({ status: 'suppressed', error: expect.stringContaining('turned off email for replies') });
  // The staff switches in the same document are untouched.
  expect((await rest.get('/inbox/preferences', customer.token)).body.events.mention).toEqual({ inApp: true, email: true });
  await page.context().close();
});
