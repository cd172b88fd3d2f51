import { createApiClient } from '@switchboard/trpc-client';
import { DEV_SIGNING_SECRET } from '../../apps/api/src/config/config.schema.js';
import { signRatingToken } from '../../apps/api/src/satisfaction/rating-token.js';
import { signIn } from '../support/browser.js';
import { sql } from '../support/db.js';
import { createUser } from '../support/people.js';
import { useBrowserStack } from '../support/browser-stack.js';

/** A customer rates a resolved ticket in the portal, and another through a one-click email link. */

const { api, portal, browser } = useBrowserStack({ portal: true });

async function resolvedTicket() {
  const customer = await createUser(api.url, 'customer');
  const agent = await createUser(api.url, 'agent');
  const ticket = await createApiClient({ url: api.url, token: customer.token }).tickets.create.mutate({ subject: 'Rate in browser', description: 'x' });
  const agentClient = createApiClient({ url: api.url, token: agent.token });
  await agentClient.tickets.reply.mutate({ id: ticket.id, body: 'Done' });
  await agentClient.tickets.update.mutate({ id: ticket.id, status: 'resolved' });
  return { customer, ticket, agentClient };
}

it('a signed-in customer rates a resolved ticket from its page', async () => {
  const { customer, ticket } = await resolvedTicket();
  const page = await (await browser.newContext()).newPage();
  await signIn(page, portal.url, customer.email);
  await page.goto(`${portal.url}/tickets/${ticket.id}`);
  await page.check('[data-testid="rating-form"] input[name="rating"][value="4"]');
  await page.fill('[data-testid="rating-form"] textarea[name="comment"]', 'Friendly and quick');
  await Promise.all([page.waitForLoadState('load'), page.click('[data-testid="rating-form"] button[type="submit"]')]);
  await page.waitForSelector('[data-testid="current-rating"]');
  expect(await page.textContent('[data-testid="current-rating"]')).toContain('You rated this 4 of 5');
  const [row] = await sql<{ rating: number; comment: string; source: string }>('SELECT rating, comment, source FROM satisfaction_ratings WHERE ticket_id = ?', [ticket.id]);
  expect(row).toEqual({ rating: 4, comment: 'Friendly and quick', source: 'portal' });
});

it('a one-click link only shows the score until the customer confirms it', async () => {
  const { ticket } = await resolvedTicket();
  const token = signRatingToken(DEV_SIGNING_SECRET, ticket.id, 86_400_000);
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${portal.url}/rate/${token}?score=2`);
  expect(await page.isChecked('input[name="rating"][value="2"]')).toBe(true);
  expect(await sql('SELECT 1 FROM satisfaction_ratings WHERE ticket_id = ?', [ticket.id])).toHaveLength(0);

  await page.fill('textarea[name="comment"]', 'Took a while');
  await Promise.all([page.waitForSelector('[data-testid="rating-done"]'), page.click('button[type="submit"]')]);
  expect(await page.textContent('[data-testid="rating-done"]')).toContain('2 of 5');

  // The same link again: refused, and the rating stays.
  await page.goto(`${portal.url}/rate/${token}?score=5`);
  await Promise.all([page.waitForSelector('[data-testid="error"]'), page.click('button[type="submit"]')]);
  expect(await page.textContent('[data-testid="error"]')).toMatch(/already used/);
  const [row] = await sql<{ rating: number }>('SELECT rating FROM satisfaction_ratings WHERE ticket_id = ?', [ticket.id]);
  expect(row.rating).toBe(2);
});

it('the customer closes their ticket and reopens a resolved one with the buttons', async () => {
  const { customer, ticket, agentClient } = await resolvedTicket();
  const page = await (await browser.newContext()).newPage();
  await signIn(page, portal.url, customer.email);
  await page.goto(`${portal.url}/tickets/${ticket.id}`);
  await Promise.all([page.waitForSelector('[data-testid="flash"]'), page.click('text=Reopen ticket')]);
  expect((await createApiClient({ url: api.url, token: customer.token }).tickets.get.query({ id: ticket.id })).status).toBe('open');
  // An agent's reply arrives live and reloads the page's data: the confirmation stays on screen.
  await agentClient.tickets.reply.mutate({ id: ticket.id, body: 'Happy to look again.' });
  await page.waitForSelector('text=Happy to look again.');
  expect(await page.locator('[data-testid="flash"]').count()).toBe(1);
  await Promise.all([page.waitForSelector('text=Your ticket is closed.'), page.click('text=Close ticket')]);
  expect((await createApiClient({ url: api.url, token: customer.token }).tickets.get.query({ id: ticket.id })).status).toBe('closed');
});
