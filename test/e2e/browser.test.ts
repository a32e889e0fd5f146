// The website in real Chromium: accessibility (axe, WCAG 2.2 AA) on every page
// type, keyboard use, reflow at 375 px and 200 % zoom, without JavaScript,
// no request leaving the site, search, 关怀版, sortable tables, print.
// Screenshots of every page type land in test-results/screens/ for a person to look at.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config.ts';
import { cspHeader } from '../../src/lib/csp.ts';
import { browserAvailable, NO_CHROMIUM, openPage, serve } from './helpers/browser.ts';
import { buildSite, copyContent, fixtureSite, SEED } from './helpers/site.ts';

const available = browserAvailable();
const SCREENS = join(PROJECT_ROOT, 'test-results/screens');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let seedUrl = '';
let multiUrl = '';

/** Every page type, on the site whose content shows it best. */
const pages = () => [
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
async function searchSettled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && !s.includes('正在搜索');
  });
  return (await page.textContent('#search-status')) ?? '';
}

async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (url.includes('/search/?q=')) await searchSettled(page);
}

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scroll: el.scrollWidth, client: el.clientWidth };
  });

describe('the website in Chromium', { skip: available ? false : NO_CHROMIUM }, () => {
  before(async () => {
    // The multi-year site is built in parts (two reports each, as a large site
    // would be in hundreds), so its search merges several indexes.
    const [seed, multi] = [
      await buildSite(await copyContent(SEED)),
      await buildSite(fixtureSite('multi'), { GONGKAI_PART_SIZE: '2' }),
    ];
    seedUrl = (await serve(seed.dir)).url;
    multiUrl = (await serve(multi.dir)).url;
    await mkdir(SCREENS, { recursive: true });
  });

  test('axe finds no WCAG 2.2 AA violation on any page type (also in 关怀版 and after sorting)', async (t) => {
    const { page, close } = await openPage();
    const failures: string[] = [];
    let rules = 0;
    const audit = async (name: string) => {
      const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      rules = Math.max(rules, result.passes.length);
      for (const v of result.violations)
        failures.push(
          `${name}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        );
    };
    for (const p of pages()) {
      await visit(page, p.url);
      await audit(p.name);
    }
    await visit(page, `${seedUrl}/reports/2023/kgxj/`);
    await page.check('#care-mode');
    await audit('report in 关怀版');
    await page.uncheck('#care-mode');
    await visit(page, `${multiUrl}/years/2024/`);
    await page.getByRole('button', { name: '自评得分' }).click();
    await audit('year, sorted');
    await page.locator('.chart details summary').first().click();
    await audit('year, chart table open');
    await close();
    assert.deepEqual(failures, []);
    t.diagnostic(`axe：${pages().length + 3} 个页面状态，0 个违规（每页通过 ${rules} 条规则）`);
  });

  test('language, landmarks, headings, table headers and chart alternatives', async () => {
    const { page, close } = await openPage();
    for (const p of pages()) {
      await visit(page, p.url);
      const facts = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        banner: document.querySelectorAll('header.site-header').length,
        nav: document.querySelectorAll('nav[aria-label="网站导航"]').length,
        main: document.querySelectorAll('main#main').length,
        footer: document.querySelectorAll('footer.site-footer').length,
        h1: document.querySelectorAll('h1').length,
        thWithoutScope: document.querySelectorAll('th:not([scope])').length,
        charts: [...document.querySelectorAll('figure.chart')].map((f) => ({
          label: f.querySelector('svg[role="img"]')?.getAttribute('aria-label') ?? '',
          table: f.querySelectorAll('table th[scope="row"]').length,
        })),
      }));
      assert.equal(facts.lang, 'zh-CN', p.name);
      assert.deepEqual([facts.banner, facts.nav, facts.main, facts.footer, facts.h1], [1, 1, 1, 1, 1], p.name);
      assert.equal(facts.thWithoutScope, 0, `${p.name}: every th has a scope`);
      for (const c of facts.charts) {
        assert.ok(c.label.length > 10, `${p.name}: chart has a text alternative`);
        assert.ok(c.table > 0, `${p.name}: chart has a data table`);
      }
    }
    await visit(page, `${seedUrl}/reports/2023/kgxj/`);
    const label = await page.locator('figure.chart svg').getAttribute('aria-label');
    assert.match(label ?? '', /年终决算数 825\.75万元/);
    await close();
  });

  test('keyboard: skip link first, focus always visible, 关怀版 switch operable', async () => {
    const { page, close } = await openPage();
    await page.goto(`${seedUrl}/reports/2023/kgxj/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { text: el.textContent, top: r.top, height: r.height, outline: getComputedStyle(el).outlineStyle };
    });
    assert.equal(skip.text, '跳到正文');
    assert.ok(skip.top >= 0 && skip.height > 0, 'the skip link shows when focused');
    assert.notEqual(skip.outline, 'none');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

    // Tab through the header: every stop has a visible focus indicator, the switch among them.
    await page.goto(`${seedUrl}/reports/2023/kgxj/`);
    let reachedSwitch = false;
    for (let i = 0; i < 12 && !reachedSwitch; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const target = el.id === 'care-mode' ? (el.closest('label') as HTMLElement) : el;
        const s = getComputedStyle(target);
        return { id: el.id, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.ok(f.outline !== 'none' && f.width >= 2, `focus visible at stop ${i + 1} (${JSON.stringify(f)})`);
      reachedSwitch = f.id === 'care-mode';
    }
    assert.ok(reachedSwitch, 'the 关怀版 switch is reachable by Tab');
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.keyboard.press('Space');
    const after = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.deepEqual([before, after], ['16px', '24px']);
    await close();
  });

  test('no horizontal scrolling at 375 px, at 200 % zoom, and in 关怀版; screenshots for review', async () => {
    const views = [
      // Screenshots at 1× keep the run quick and the pictures readable; layout depends on CSS pixels only.
      { label: 'phone', options: { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } },
      // A 1280 px window zoomed to 200 % lays out exactly like a 640 px one.
      { label: 'zoom200', options: { viewport: { width: 640, height: 450 } } },
      { label: 'desktop', options: { viewport: { width: 1280, height: 900 } } },
    ];
    const wide: string[] = [];
    for (const view of views) {
      const { page, close } = await openPage(view.options);
      for (const p of pages()) {
        await visit(page, p.url);
        const { scroll, client } = await noHorizontalScroll(page);
        if (scroll > client) wide.push(`${p.name} @ ${view.label}: ${scroll} > ${client}`);
        await page.screenshot({ path: join(SCREENS, `${p.name}-${view.label}.png`), fullPage: true });
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

  test('without JavaScript every page has its content and navigation; 关怀版 still switches', async () => {
    const { page, close } = await openPage({ javaScriptEnabled: false });
    for (const p of pages()) {
      await page.goto(p.url);
      const facts = await page.evaluate(() => ({
        h1: document.querySelector('h1')?.textContent ?? '',
        nav: document.querySelectorAll('nav[aria-label="网站导航"] a').length,
        footer: document.querySelector('footer')?.textContent ?? '',
        main: document.querySelector('main')?.textContent?.length ?? 0,
      }));
      assert.ok(facts.h1.length > 0 && facts.nav === 5 && facts.main > 40, `${p.name}: ${JSON.stringify(facts)}`);
      assert.match(facts.footer, /网站标识码/);
      assert.match(facts.footer, /网站地图/);
    }
    assert.match(
      (await page.textContent('header.site-header')) ?? '',
      /示例站点/,
      'the example banner needs no script',
    );
    await page.goto(`${seedUrl}/reports/2023/kgxj/`);
    assert.match((await page.textContent('main')) ?? '', /科技型中小企业备案 81 家/);
    await page.goto(`${multiUrl}/years/2024/`);
    assert.equal(await page.locator('table[data-sortable] tbody tr').count(), 3);
    assert.equal(await page.locator('.sort-button').count(), 0, 'plain table without JS');
    await page.goto(`${multiUrl}/search/?q=x`);
    assert.match((await page.textContent('main')) ?? '', /搜索需要浏览器启用 JavaScript/);
    assert.ok((await page.locator('main a[href^="/years/"]').count()) >= 3, 'browse by year instead');
    await page.check('#care-mode');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px');
    await close();
  });

  test('no request leaves the site, and no page logs an error', async () => {
    for (const p of [...pages(), { name: 'search-no-hit', url: `${seedUrl}/search/?q=不存在的词` }]) {
      const { page, requests, errors, close } = await openPage();
      await visit(page, p.url);
      const origin = new URL(p.url).origin;
      const foreign = requests.filter((r) => !r.startsWith(`${origin}/`) && !/^(data|blob):/.test(r));
      assert.deepEqual(foreign, [], `${p.name}: third-party requests`);
      assert.deepEqual(
        errors.filter((e) => !/404/.test(e) || p.name !== 'not-found'),
        [],
        `${p.name}: console errors`,
      );
      await close();
    }
  });

  test('everything works under a strict Content-Security-Policy (no unsafe-inline)', async () => {
    // The header docs/部署.md tells the web server to send (the pages also carry their own <meta> policy).
    const CSP = cspHeader();
    const { page, errors, close } = await openPage();
    await page.context().route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': CSP } });
    });
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    for (const p of pages()) await visit(page, p.url);
    await page.goto(`${seedUrl}/search/?q=${encodeURIComponent('上云')}`);
    assert.equal(await searchSettled(page), '找到 1 份包含“上云”的报告。');
    await page.goto(`${multiUrl}/years/2024/`);
    await page.getByRole('button', { name: '自评得分' }).click();
    await page.check('#care-mode');
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-care')), true);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await close();
  });

  test('search finds phrases in Chinese text and marks them; a word that occurs nowhere finds nothing', async () => {
    const { page, close } = await openPage();
    for (const q of ['科技型中小企业', '上云']) {
      await page.goto(`${seedUrl}/search/?q=${encodeURIComponent(q)}`);
      assert.equal(await searchSettled(page), `找到 1 份包含“${q}”的报告。`);
      assert.equal(
        await page.locator('#search-results a').first().getAttribute('href'),
        `/reports/2023/kgxj/#:~:text=${encodeURIComponent(q)}`,
      );
      assert.equal(await page.locator('#search-results mark').first().textContent(), q);
      // Which department and year, from the report page's Pagefind meta.
      assert.equal(
        await page.locator('#search-results .search-results__meta').first().textContent(),
        '保靖县科技和工业信息化局 · 2023 年度',
      );
    }
    // Pagefind alone matches this through the single character 的; the page must not.
    await page.goto(`${seedUrl}/search/?q=${encodeURIComponent('不存在的词')}`);
    assert.equal(await searchSettled(page), '没有找到包含“不存在的词”的报告。');
    assert.equal(await page.locator('#search-results li').count(), 0);
    assert.equal(await page.locator('#search-results').isHidden(), true);
    // A site built in parts: every part's index is searched.
    await page.goto(`${multiUrl}/search/?q=${encodeURIComponent('虚构内容')}`);
    assert.equal(await searchSettled(page), '找到 6 份包含“虚构内容”的报告。');
    // The form works in place, and several reports can match.
    await page.goto(`${multiUrl}/search/`);
    await page.fill('#search-q', '演示场次');
    await page.press('#search-q', 'Enter');
    assert.equal(await searchSettled(page), '找到 2 份包含“演示场次”的报告。');
    assert.match(page.url(), /\?q=%E6%BC%94/);
    await close();
  });

  test('关怀版 is remembered from page to page when JavaScript runs', async () => {
    const { page, close } = await openPage();
    await page.goto(`${multiUrl}/`);
    await page.check('#care-mode');
    await page.goto(`${multiUrl}/years/2024/`);
    assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-care')), true);
    assert.equal(await page.isChecked('#care-mode'), true);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px');
    await page.uncheck('#care-mode');
    await page.goto(`${multiUrl}/`);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '16px');
    await close();
  });

  test('the year table sorts by any column, and says so to screen readers', async () => {
    const { page, close } = await openPage();
    await page.goto(`${multiUrl}/years/2024/`);
    const names = () => page.locator('table[data-sortable] tbody th').allTextContents();
    assert.deepEqual(await names(), ['示例县测试局', '示例县模拟办公室', '示例县演示中心']);
    await page.getByRole('button', { name: '自评得分' }).click();
    assert.deepEqual(await names(), ['示例县演示中心', '示例县模拟办公室', '示例县测试局']);
    assert.equal(await page.locator('th[aria-sort="ascending"]').textContent(), '自评得分');
    await page.getByRole('button', { name: '年终决算数' }).click();
    await page.getByRole('button', { name: '年终决算数' }).click();
    // 2487500.00 元 (248.75 万元) sorts between 420 万元 and 158.40 万元: units are compared, not digits.
    assert.deepEqual(await names(), ['示例县测试局', '示例县模拟办公室', '示例县演示中心']);
    assert.equal(await page.locator('th[aria-sort="descending"]').count(), 1);
    await close();
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
    for (const javaScriptEnabled of [true, false])
      for (const care of [false, true]) {
        const { page, close } = await openPage({ viewport: { width: 375, height: 812 }, javaScriptEnabled });
        for (const t of tables) {
          await page.goto(t.url);
          if (care) await page.check('#care-mode');
          const f = await tableFacts(page);
          const where = `${t.name}${care ? ' 关怀版' : ''}${javaScriptEnabled ? '' : ' without JS'}`;
          if (f.cells === 0) problems.push(`${where}: no stacked table`);
          if (f.outside.length) problems.push(`${where}: ${f.outside.join('; ')}`);
          if (f.unlabelled) problems.push(`${where}: ${f.unlabelled} cells without their label`);
          if (f.scrolling) problems.push(`${where}: a table scrolls sideways`);
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

  test('关怀版 to 适老化 norms: text 24 px and up, line height 1.5 and up, 44 px targets, the column centred at 1280 px, no script needed', async () => {
    for (const javaScriptEnabled of [false, true])
      for (const width of [1280, 375]) {
        const { page, close } = await openPage({ viewport: { width, height: 900 }, javaScriptEnabled });
        await page.goto(`${seedUrl}/reports/2023/kgxj/`);
        await page.check('#care-mode');
        const f = await page.evaluate(() => {
          const small: string[] = [];
          const tight: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>('body *')) {
            const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
            if (!hasText || !el.checkVisibility() || el.closest('.visually-hidden, svg')) continue;
            const s = getComputedStyle(el);
            const size = parseFloat(s.fontSize);
            if (size < 24) small.push(`${el.tagName}.${el.className} ${size}px`);
            if (/^(P|LI|TD|DD|DT)$/.test(el.tagName) && parseFloat(s.lineHeight) / size < 1.5)
              tight.push(`${el.tagName} ${s.lineHeight}`);
          }
          const targets = [
            ...document.querySelectorAll<HTMLElement>(
              '.site-nav a, .breadcrumbs a, .site-footer a, .toc a, .downloads a, .care-toggle',
            ),
          ]
            .map((a) => ({ a, r: a.getBoundingClientRect() }))
            .filter(({ r }) => r.height > 0 && r.height < 44)
            .map(({ a, r }) => `${(a.textContent ?? '').trim().slice(0, 10)} ${Math.round(r.height)}px`);
          const main = document.querySelector('main')!.getBoundingClientRect();
          return { small, tight, targets, left: main.left, right: window.innerWidth - main.right };
        });
        const where = `${width} px${javaScriptEnabled ? '' : ', no JS'}`;
        assert.deepEqual(f.small.slice(0, 5), [], `${where}: text under 24 px`);
        assert.deepEqual(f.tight.slice(0, 5), [], `${where}: line height under 1.5`);
        assert.deepEqual(f.targets.slice(0, 5), [], `${where}: targets under 44 px`);
        assert.ok(Math.abs(f.left - f.right) <= 1, `${where}: centred (${f.left} | ${f.right})`);
        if (width === 1280) assert.ok(f.left >= 60, `${where}: the column keeps margins (${f.left}px)`);
        if (width === 1280 && !javaScriptEnabled)
          await page.screenshot({ path: join(SCREENS, 'report-care-desktop.png'), fullPage: false });
        await close();
      }
  });

  test('the report page: the original is one landmark, 报告原文; the site’s panels are landmarks labelled 本站据报告整理', async () => {
    const { page, close } = await openPage();
    await page.goto(`${seedUrl}/reports/2023/kgxj/`);
    const original = page.getByRole('region', { name: '报告原文', exact: true });
    assert.equal(await original.count(), 1);
    assert.equal(await original.getByRole('heading', { name: '一、部门基本情况' }).count(), 1);
    assert.equal(await original.getByRole('table', { name: '审核意见表' }).count(), 1);
    assert.equal(await original.locator('table.indicators, .key-figures, figure.chart').count(), 0);
    const made = page.getByRole('region', { name: /^本站据报告整理/ });
    assert.equal(await made.count(), 2);
    assert.equal(await made.nth(0).getByRole('heading', { name: '主要数据' }).count(), 1);
    assert.equal(
      await made
        .nth(1)
        .getByRole('table', { name: /绩效指标/ })
        .count(),
      1,
    );
    assert.equal(await page.getByText('本站据报告整理', { exact: true }).first().isVisible(), true);
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
