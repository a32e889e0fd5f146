// What the browser tests visit: every page type on the site whose content
// shows it best, and the small waits and measurements they share.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { serve } from './browser.ts';
import { sharedSite } from './site.ts';

/** Screenshots of every page type, for a person to look at. */
export const SCREENS = join(PROJECT_ROOT, 'test-results/screens');
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The shared sites the browser tests visit (the seed, the multi-year fixture), each served for this file. */
export async function serveSharedSites(): Promise<{ seedUrl: string; multiUrl: string }> {
  const [seed, multi] = await Promise.all([sharedSite('seed'), sharedSite('multi')]);
  const [a, b] = await Promise.all([serve(seed.dir), serve(multi.dir)]);
  return { seedUrl: a.url, multiUrl: b.url };
}

/** Every page type, on the site whose content shows it best. */
export const pageTypes = (seedUrl: string, multiUrl: string) => [
  { name: 'home', url: `${multiUrl}/` },
  { name: 'report', url: `${seedUrl}/reports/2023/kgxj/` },
  { name: 'report-synthetic', url: `${multiUrl}/reports/2024/moni/` },
  { name: 'department', url: `${multiUrl}/departments/ceshi/` },
  { name: 'departments', url: `${multiUrl}/departments/` },
  { name: 'year', url: `${multiUrl}/years/2024/` },
  { name: 'years', url: `${multiUrl}/years/` },
  { name: 'search', url: `${seedUrl}/search/?q=${encodeURIComponent('科技型中小企业')}` },
  { name: 'data', url: `${multiUrl}/data/` },
  { name: 'accessibility', url: `${multiUrl}/accessibility/` },
  { name: 'sitemap', url: `${multiUrl}/sitemap/` },
  { name: 'not-found', url: `${multiUrl}/404.html` },
];

/** Waits until the search page has answered (its status says so). */
export async function searchSettled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && !s.includes('正在搜索');
  });
  return (await page.textContent('#search-status')) ?? '';
}

export async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (url.includes('/search/?q=')) await searchSettled(page);
}

export const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scroll: el.scrollWidth, client: el.clientWidth };
  });
