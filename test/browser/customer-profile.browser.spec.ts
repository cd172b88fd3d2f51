import { createApiClient } from '@switchboard/trpc-client';
import { signIn } from '../support/browser.js';
import { useBrowserStack } from '../support/browser-stack.js';
import { sql } from '../support/db.js';
import { createUser } from '../support/people.js';

/** An agent goes from a ticket to its requester's profile (CRM view) and leaves a staff-only note. */
const { api, workspace, browser } = useBrowserStack({ workspace: true });

it('shows the requester’s contact details, tickets, messages and ratings, and keeps a note', async () => {
  const admin = createApiClient({ url: api.url, token: (await createUser(api.url, 'admin')).token });
  const company = await admin.companies.save.mutate({ name: `Globex ${Date.now().toString(36)}` });
  const customer = await createUser(api.url, 'customer', { name: 'Hank Scorpio', companyId: company.id });
  const phone = `+1555${String(Date.now()).slice(-7)}`;
  await sql('INSERT INTO customer_phones (user_id, e164) VALUES (?, ?)', [customer.id, phone]);
  const asCustomer = createApiClient({ url: api.url, token: customer.token });
  const ticket = await asCustomer.tickets.create.mutate({ subject: 'Hammock delivery', description: 'Where is my hammock?' });
  const agent = await createUser(api.url, 'agent', { name: 'Homer Agent' });
  const asAgent = createApiClient({ url: api.url, token: agent.token });
  await asAgent.tickets.reply.mutate({ id: ticket.id, body: 'It ships tomorrow' });
  await asAgent.tickets.update.mutate({ id: ticket.id, status: 'resolved' });
  await asCustomer.satisfaction.rate.mutate({ ticketId: ticket.id, rating: 5, comment: 'Great hammock' });

  const page = await (await browser.newContext()).newPage();
  await signIn(page, workspace.url, agent.email);
  await page.goto(`${workspace.url}/tickets/${ticket.id}`);
  await Promise.all([page.waitForURL((url) => url.pathname === `/customers/${customer.id}`), page.click('[data-testid="requester-profile"]')]);

  expect(await page.textContent('[data-testid="customer-name"]')).toBe('Hank Scorpio');
  const contact = await page.textContent('[data-testid="customer-contact"]');
  expect(contact).toContain(customer.email);
  expect(contact).toContain(phone);
  expect(await page.textContent('[data-testid="customer-company"]')).toBe(company.name);
  expect(await page.textContent('[data-testid="customer-satisfaction"]')).toBe('5 / 5 from 1 ratings');
  expect(await page.textContent('[data-testid="customer-tickets"]')).toContain('Hammock delivery');
  const messages = await page.textContent('[data-testid="customer-interactions"]');
  expect(messages).toContain('It ships tomorrow');
  expect(messages).toContain('Where is my hammock?');
  expect(await page.textContent('[data-testid="customer-ratings"]')).toContain('Great hammock');

  await page.fill('[data-testid="customer-note-form"] textarea[name="body"]', 'Lives in Cypress Creek; call after 5pm');
  await page.click('[data-testid="customer-note-form"] button[type="submit"]');
  await page.waitForSelector('[data-testid="flash"]:has-text("Note added.")');
  expect(await page.textContent('[data-testid="customer-notes"]')).toContain('Lives in Cypress Creek; call after 5pm');
  expect(await page.textContent('[data-testid="customer-notes"]')).toContain('Homer Agent');
}, 60_000);
