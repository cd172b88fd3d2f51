import type { Browser } from 'playwright-core';
import { startApi, startWorker, type RunningApi } from './api.js';
import { launchBrowser } from './browser.js';
import { startOwnStack, type OwnStackOptions } from './isolated-stack.js';
import { late } from './late.js';
import type { SendgridServer } from './sendgrid-server.js';
import { startWebApp, type RunningWebApp } from './web-apps.js';

export interface BrowserStackOptions extends OwnStackOptions {
  portal?: boolean;
  workspace?: boolean;
  /** Also run the queue worker in this process (channels, outbox jobs). */
  worker?: boolean;
  /**
   * Runs before the api starts, once the own database (if any) is in place (environment; undone by `after`).
   * It may return a fixed workspace port, for tests that must know the app's address before it starts (SSO redirects).
   */
  before?: () => Promise<void | { workspacePort?: number }> | void | { workspacePort?: number };
  /** Runs after everything else has stopped, before the own database (if any) is dropped. */
  after?: () => Promise<void> | void;
}

export interface BrowserStack {
  api: RunningApi;
  portal: RunningWebApp;
  workspace: RunningWebApp;
  browser: Browser;
  /** The local SendGrid, when the options ask for one. */
  sendgrid: SendgridServer;
}

/**
 * The api, the Remix apps a browser test needs and Debian's Chromium, started once for the test file
 * (jest beforeAll) and stopped after it (afterAll). The returned handles can be destructured at the top
 * of the file; they forward to the real objects once beforeAll has run.
 *
 *     const { api, portal, browser } = useBrowserStack({ portal: true });
 */
export function useBrowserStack(options: BrowserStackOptions): BrowserStack {
  const started: Partial<BrowserStack> & { worker?: { close(): Promise<void> }; chromium?: { close(): Promise<void> } } = {};
  let own: Awaited<ReturnType<typeof startOwnStack>> | undefined;

  beforeAll(async () => {
    own = await startOwnStack(options);
    const fixed = (await options.before?.()) || {};
    started.api = await startApi();
    if (options.worker) started.worker = await startWorker();
    const url = started.api.url;
    const [portal, workspace, chromium] = await Promise.all([
      options.portal ? startWebApp('portal', url) : undefined,
      options.workspace ? startWebApp('workspace', url, { port: fixed.workspacePort }) : undefined,
      launchBrowser(),
    ]);
    Object.assign(started, { portal, workspace, chromium, browser: chromium.browser });
  }, 120_000);

  afterAll(async () => {
    await started.chromium?.close();
    // The api first: it ends every live stream, so the apps' proxied upstream connections are gone
    // and remix-serve exits without waiting for them.
    await started.api?.close();
    await Promise.all([started.portal?.close(), started.workspace?.close()]);
    await started.worker?.close();
    await options.after?.();
    await own?.stop();
  }, 60_000);

  return {
    api: late('browser stack: api', () => started.api),
    portal: late('browser stack: portal', () => started.portal),
    workspace: late('browser stack: workspace', () => started.workspace),
    browser: late('browser stack: browser', () => started.browser),
    sendgrid: late('browser stack: local SendGrid', () => own?.sendgrid),
  };
}
