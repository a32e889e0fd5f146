// The website in real Chromium at every width: no sideways scrolling at 375 px
// or 200 % zoom, tables as label–value rows on a phone, print styles.
// Screenshots of every page type at 375 px land in test-results/screens/ for a
// person to look at.
import assert from 'node:assert/strict';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserAvailable, NO_CHROMIUM, openPage } from './helpers/browser.ts';
import { pageTypes, SCREENS, visit, noHorizontalScroll, serveSharedSites } from './helpers/site-pages.ts';

const available = browserAvailable();

let seedUrl = '';
let multiUrl = '';
const pages = () => pageTypes(seedUrl, multiUrl);

describe('the website in Chromium', { skip: available ? false : NO_CHROMIUM }, () => {
  before(async () => {
    ({ seedUrl, multiUrl } = await serveSharedSites());
    await mkdir(SCREENS, { recursive: true });
  });

  test('no horizontal scrolling at 375 px, at 200 % zoom, and in 关怀版; screenshots for review', async () => {
    // Screenshots at 1× keep the run quick and the pictures readable; layout depends on CSS pixels only.
    // Only the phone's: a full-page screenshot costs about a CPU-second (the whole
    // page is rasterized), and the phone is where layouts break. The pictures at
    // 1280 px are docs/images/ (node scripts/site-images.ts).
    const views = [
      {
        label: 'phone',
        screenshots: true,
        options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true },
      },
      // A 1280 px window zoomed to 200 % lays out exactly like a 640 px one.
      { label: 'zoom200', screenshots: false, options: { viewport: { width: 640, height: 450 } } },
      { label: 'desktop', screenshots: false, options: { viewport: { width: 1280, height: 900 } } },
    ];
    const wide: string[] = [];
    for (const view of views) {
      const { page, close } = await openPage(view.options);
      for (const p of pages()) {
        await visit(page, p.url);
        const { scroll, client } = await noHorizontalScroll(page);
        if (scroll > client) wide.push(`${p.name} @ ${view.label}: ${scroll} > ${client}`);
        const shot = join(SCREENS, `${p.name}-${view.label}.png`);
        // A picture from an earlier run, when every view was taken, would look current.
        if (view.screenshots) await page.screenshot({ path: shot, fullPage: true });
        else await rm(shot, { force: true });
      }
      if (view.label === 'phone') {
        await visit(page, `${seedUrl}/reports/2023/kgxj/`);
        await page.check('#care-mode');
        const { scroll, client } = await noHorizontalScroll(page);
        if (scroll > client) wide.push(`report 关怀版 @ phone: ${scroll} > ${client}`);
        await page.screenshot({ path: join(SCREENS, 'report-care-phone.png'), fullPage: true });
      }
      await close();
    }
    assert.deepEqual(wide, []);
  });

  /** Where each cell of the stacked tables lies, and whether anything scrolls sideways. */
  const tableFacts = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // The column headers count only where they show (as sort buttons); otherwise they are for screen readers.
      const cells = [
        ...document.querySelectorAll<HTMLElement>(
          'table.stack td, table.stack tbody th, table.stack caption, table.stack[data-sort-ready] thead th',
        ),
      ];
      return {
        width,
        cells: cells.length,
        outside: cells
          .map((c) => ({ c, r: c.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < -0.5 || r.right > width + 0.5))
          .map(
            ({ c, r }) =>
              `${c.tagName} “${(c.textContent ?? '').trim().slice(0, 12)}” ${Math.round(r.left)}–${Math.round(r.right)}`,
          ),
        unlabelled: [...document.querySelectorAll<HTMLElement>('table.stack td')]
          .filter((td) => getComputedStyle(td).display !== 'none')
          .filter((td) => !/^"[^"]+"$/.test(getComputedStyle(td, '::before').content)).length,
        scrolling: [...document.querySelectorAll<HTMLElement>('.table-scroll')].filter(
          (s) => s.querySelector('table.stack') && s.scrollWidth > s.clientWidth + 1,
        ).length,
      };
    });

  test('phone-first tables: at 375 px every value is readable with its label, nothing scrolls sideways (with and without JavaScript, also in 关怀版)', async () => {
    const tables = [
      { name: 'indicators', url: `${seedUrl}/reports/2023/kgxj/` },
      { name: 'home', url: `${multiUrl}/` },
      { name: 'year', url: `${multiUrl}/years/2024/` },
      { name: 'years', url: `${multiUrl}/years/` },
      { name: 'department', url: `${multiUrl}/departments/ceshi/` },
    ];
    const problems: string[] = [];
    for (const javaScriptEnabled of [true, false]) {
      const { page, close } = await openPage({ viewport: { width: 375, height: 812 }, javaScriptEnabled });
      for (const t of tables) {
        await page.goto(t.url);
        // Each page as it loads, then in 关怀版, switched off again before the next page (it is remembered).
        for (const care of [false, true]) {
          if (care) await page.check('#care-mode');
          const f = await tableFacts(page);
          const where = `${t.name}${care ? ' 关怀版' : ''}${javaScriptEnabled ? '' : ' without JS'}`;
          if (f.cells === 0) problems.push(`${where}: no stacked table`);
          if (f.outside.length) problems.push(`${where}: ${f.outside.join('; ')}`);
          if (f.unlabelled) problems.push(`${where}: ${f.unlabelled} cells without their label`);
          if (f.scrolling) problems.push(`${where}: a table scrolls sideways`);
        }
        await page.uncheck('#care-mode');
      }
      await close();
    }
    assert.deepEqual(problems, []);
    // At 1280 px they are ordinary tables: the column headers show, no cell has a label of its own.
    const { page, close } = await openPage();
    await page.goto(`${seedUrl}/reports/2023/kgxj/`);
    assert.equal(await page.locator('table.indicators thead').isVisible(), true);
    assert.equal(
      await page
        .locator('table.indicators td')
        .first()
        .evaluate((td) => getComputedStyle(td, '::before').content),
      'none',
    );
    await close();
  });

  test('sorting still works at 375 px: the column headers become sort buttons above the stacked rows', async () => {
    const { page, close } = await openPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await page.goto(`${multiUrl}/years/2024/`);
    const names = () => page.locator('table[data-sortable] tbody th').allTextContents();
    const button = page.getByRole('button', { name: '自评得分' });
    assert.equal(await button.isVisible(), true);
    await button.click();
    assert.deepEqual(await names(), ['示例县演示中心', '示例县模拟办公室', '示例县测试局']);
    assert.equal(await page.locator('th[aria-sort="ascending"]').textContent(), '自评得分');
    await close();
  });

  test('printing the web page drops navigation and keeps the report', async () => {
    const { page, close } = await openPage();
    await page.goto(`${seedUrl}/reports/2023/kgxj/`);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      ['.site-nav', '.care-toggle', '.downloads', '.report-body', '.key-figures'].map(
        (s) => getComputedStyle(document.querySelector(s) as Element).display !== 'none',
      ),
    );
    assert.deepEqual(shown, [false, false, false, true, true]);
    await page.screenshot({ path: join(SCREENS, 'report-print.png'), fullPage: true });
    await close();
  });
});
