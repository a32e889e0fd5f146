// A browser page that prints reports, fenced in: it runs under the print
// page's own Content-Security-Policy (never bypassed), and every connection
// the browser opens to anything but the local print server ends at the
// network fence (network-fence.ts), which hangs up at once. What the page
// tried to reach elsewhere (a request the fence ended or Chromium refused, a
// load the page's policy refused) is recorded for the report being printed.
// A renderer that died (out of memory) is noticed.
//
// Requests are watched, not intercepted: intercepting them (Playwright's
// route) turns the browser's HTTP cache off, so every report fetched and
// compiled Paged.js (500 kB) again, about 0.3 s a report (npm run bench:pdf).
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

/** Addresses that are not requests to anywhere: the page's own data. */
const LOCAL_DATA = /^(?:data|blob|about):/i;

function blockedByPolicy(message: ConsoleMessage): string | undefined {
  if (message.type() !== 'error') return undefined;
  const url = CSP_BLOCKED.exec(message.text())?.[1];
  return url && !LOCAL_DATA.test(url) ? url : undefined;
}

export async function openPrintPage(browser: Browser, serverOrigin: string): Promise<PrintPage> {
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
  let refused: string[] = [];
  let crashed = false;
  // Every page and frame of the context, navigations included. The request
  // itself goes to the fence, which ends it before a byte leaves.
  context.on('request', (request) => {
    const url = request.url();
    if (!isAllowed(url, serverOrigin) && !LOCAL_DATA.test(url)) refused.push(url);
  });
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
