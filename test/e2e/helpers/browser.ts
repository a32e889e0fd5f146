// Real Chromium for the website tests (Debian chromium via playwright-core).
// Locally, without Chromium, browser tests skip and say why; in CI they fail.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { after } from 'node:test';
import { chromiumPath, launchChromium } from '../../../src/print/chromium.ts';
import { serveDir, type StaticServer } from '../../../src/lib/static-server.ts';

export const NO_CHROMIUM = '找不到 Chromium，跳过浏览器测试（安装 Debian 软件包 chromium，或设置 GONGKAI_CHROMIUM）。';

/** Whether browser tests can run here; throws in CI, where Chromium must be installed. */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  if (process.env.CI) throw new Error(`CI 中必须有 Chromium：${NO_CHROMIUM}`);
  console.log(NO_CHROMIUM);
  return false;
}

let shared: Promise<Browser> | undefined;
const servers: StaticServer[] = [];
// Registered at module load (top level): closes the browser and servers when the test file is done.
after(async () => {
  // The browser first: its open connections would keep the servers from closing.
  await (await shared)?.close();
  await Promise.all(servers.map((s) => s.close()));
});

export function browser(): Promise<Browser> {
  shared ??= launchChromium();
  return shared;
}

export async function serve(dir: string): Promise<StaticServer> {
  const server = await serveDir(dir);
  servers.push(server);
  return server;
}

/** A fresh page in its own context; every request it makes is recorded. */
export async function openPage(
  options: BrowserContextOptions = {},
): Promise<{ page: Page; requests: string[]; errors: string[]; close(): Promise<void> }> {
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, requests, errors, close: () => context.close() };
}
