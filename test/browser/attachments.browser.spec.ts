import type { Page } from 'playwright-core';
import { signIn } from '../support/browser.js';
import { createUser } from '../support/people.js';
import { PNG_1PX } from '../support/uploads.js';
import { useBrowserStack } from '../support/browser-stack.js';

/**
 * Files in a real browser: a customer opens a ticket with a screenshot in the portal and sees its
 * thumbnail; the agent sees the same picture in the workspace and adds an internal note with a log
 * file, which the customer never sees; a file of a refused type gets a message next to the field.
 */

const { api, portal, workspace, browser } = useBrowserStack({ portal: true, workspace: true });

/** Waits for an <img> to have loaded real pixels (a broken image has naturalWidth 0). */
async function imageLoaded(page: Page, selector: string) {
  await page.waitForFunction((s) => {
    const img = document.querySelector<HTMLImageElement>(s);
    return !!img && img.complete && img.naturalWidth > 0;
  }, selector);
}

it('customer attaches a screenshot in the portal; the agent sees it; a note’s file stays internal', async () => {
  const customer = await createUser(api.url, 'customer', { name: 'Casey Files' });
  const agent = await createUser(api.url, 'agent', { name: 'Ana Files' });

  const customerPage = await (await browser.newContext()).newPage();
  await signIn(customerPage, portal.url, customer.email);
  await customerPage.goto(`${portal.url}/tickets/new`);
  await customerPage.fill('input[name="subject"]', `Broken chart ${Date.now()}`);
  await customerPage.fill('textarea[name="description"]', 'The chart is empty, see the screenshot.');
  await customerPage.setInputFiles('input[name="files"]', { name: 'chart.png', mimeType: 'image/png', buffer: PNG_1PX });
  await Promise.all([customerPage.waitForURL(/\/tickets\/\d+/), customerPage.click('[data-testid="new-ticket-form"] button[type="submit"]')]);
  const ticketId = Number(new URL(customerPage.url()).pathname.split('/').pop());

  await imageLoaded(customerPage, '[data-testid="timeline"] img[alt="chart.png"]');

  // A type the API refuses: the message sits next to the file field and the typed reply is kept.
  await customerPage.fill('[data-testid="reply-form"] textarea[name="body"]', 'Here is the program that shows it.');
  await customerPage.setInputFiles('[data-testid="reply-form"] input[name="files"]', {
    name: 'tool.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0)]),
  });
  await customerPage.click('[data-testid="reply-form"] button[type="submit"]');
  await expect(customerPage.locator('[data-testid="error-files"]').innerText()).resolves.toContain('is of a type that is not accepted');
  await expect(customerPage.locator('[data-testid="reply-form"] textarea[name="body"]').inputValue()).resolves.toBe('Here is the program that shows it.');

  // Agent: the picture shows in the workspace timeline, served through the workspace.
  const agentPage = await (await browser.newContext()).newPage();
  await signIn(agentPage, workspace.url, agent.email);
  await agentPage.goto(`${workspace.url}/tickets/${ticketId}`);
  await imageLoaded(agentPage, '[data-testid="timeline"] img[alt="chart.png"]');
  const src = await agentPage.locator('[data-testid="timeline"] img[alt="chart.png"]').getAttribute('src');
  expect(src).toMatch(/^\/attachments\/\d+$/);

  // Agent: an internal note with a log file.
  const composer = agentPage.locator('[data-testid="composer"]');
  await composer.locator('input[name="internal"][value="true"]').check();
  await composer.locator('textarea[name="body"]').fill('Server log attached.');
  await composer.locator('input[name="files"]').setInputFiles({ name: 'server-log.txt', mimeType: 'text/plain', buffer: Buffer.from('ERROR chart renderer\n') });
  await Promise.all([agentPage.waitForLoadState('networkidle'), composer.locator('[data-testid="composer-submit"]').click()]);
  const noteFile = agentPage.locator('[data-testid="timeline-entry"][data-visibility="internal"] a[data-testid="attachment"]');
  await noteFile.first().waitFor();
  await expect(noteFile.first().innerText()).resolves.toContain('server-log.txt');
  const noteFileId = await noteFile.first().getAttribute('data-attachment-id');
  const fromWorkspace = await agentPage.request.get(`${workspace.url}/attachments/${noteFileId}`);
  expect(fromWorkspace.status()).toBe(200);
  expect(await fromWorkspace.text()).toBe('ERROR chart renderer\n');

  // Customer: neither the note nor its file, not even by guessing the id.
  await customerPage.goto(`${portal.url}/tickets/${ticketId}`);
  expect(await customerPage.content()).not.toContain('server-log.txt');
  const guessed = await customerPage.request.get(`${portal.url}/attachments/${noteFileId}`);
  expect(guessed.status()).toBe(404);
  expect(await guessed.text()).not.toContain('ERROR chart renderer');
});
