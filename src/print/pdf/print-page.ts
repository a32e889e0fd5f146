// A browser page that prints reports, fenced in: it runs under the print
// page's own Content-Security-Policy (never bypassed), every request that is
// not to the local print server is aborted, and what was refused (aborted
// here, or refused by the policy in the page) is recorded for the report being
// printed. A renderer that died (out of memory) is noticed.
import type { Browser, ConsoleMessage, Page } from 'playwright-core';

export interface PrintPage {
  page: Page;
  /** What the page tried to reach outside the print server since the last call; clears the list. */
  takeRefused(): string[];
  /** Settles when the renderer process of the page dies (out of memory, or killed). */
  crashed: Promise<void>;
  hasCrashed(): boolean;
  close(): Promise<void>;
}

export function isAllowed(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/**
 * The address in Chromium's console line when the page's CSP blocked a load
 * (“Loading the image 'http://…' violates the following Content Security
 * Policy directive …”; older: “Refused to load the image '…' because it
 * violates …”). Inline styles and scripts it blocks have no address and are
 * not requests.
 */
const CSP_BLOCKED = /^[^']*'([a-z][a-z0-9+.-]*:[^']*)' (?:because it )?violates the following Content Security Policy/i;

function blockedByPolicy(message: ConsoleMessage): string | undefined {
  if (message.type() !== 'error') return undefined;
  const url = CSP_BLOCKED.exec(message.text())?.[1];
  return url && !/^(?:data|blob):/i.test(url) ? url : undefined;
}

export async function openPrintPage(browser: Browser, serverOrigin: string): Promise<PrintPage> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
  let refused: string[] = [];
  let crashed = false;
  // Covers every page and frame of the context, navigations included.
  await context.route(
    () => true,
    (route) => {
      const url = route.request().url();
      if (isAllowed(url, serverOrigin)) return route.continue();
      refused.push(url);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  const died = new Promise<void>((resolve) =>
    page.once('crash', () => {
      crashed = true;
      resolve();
    }),
  );
  page.on('console', (message) => {
    const url = blockedByPolicy(message);
    if (url && !isAllowed(url, serverOrigin)) refused.push(url);
  });
  return {
    page,
    takeRefused() {
      const list = [...new Set(refused)];
      refused = [];
      return list;
    },
    crashed: died,
    hasCrashed: () => crashed,
    close: () => context.close().catch(() => {}),
  };
}
