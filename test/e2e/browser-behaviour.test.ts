// The website in real Chromium: without JavaScript, no request leaving the
// site, a strict Content-Security-Policy, search, 关怀版 remembered, sortable tables.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { cspHeader } from '../../src/lib/csp.ts';
import { browserAvailable, NO_CHROMIUM, openPage } from './helpers/browser.ts';
import { pageTypes, searchSettled, visit, serveSharedSites } from './helpers/site-pages.ts';

const available = browserAvailable();

let seedUrl = '';
let multiUrl = '';
const pages = () => pageTypes(seedUrl, multiUrl);

describe('the website in Chromium', { skip: available ? false : NO_CHROMIUM }, () => {
  before(async () => {
    ({ seedUrl, multiUrl } = await serveSharedSites());
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
    // One context for all pages (a new one costs Chromium a renderer): what a
    // page fetched from the cache it already passed here, on the same origin.
    // Each page is left only once the network is quiet, and then for a blank
    // page before the next is counted: the favicon comes late, and on a slow
    // machine the last page's, from the other test site, was counted as the
    // next page's request to another origin.
    const { page, requests, errors, close } = await openPage();
    for (const p of [...pages(), { name: 'search-no-hit', url: `${seedUrl}/search/?q=不存在的词` }]) {
      await page.goto('about:blank');
      requests.length = 0;
      errors.length = 0;
      await visit(page, p.url);
      await page.waitForLoadState('networkidle');
      const origin = new URL(p.url).origin;
      const foreign = requests.filter((r) => !r.startsWith(`${origin}/`) && !/^(data|blob):/.test(r));
      assert.deepEqual(foreign, [], `${p.name}: third-party requests`);
      assert.deepEqual(
        errors.filter((e) => !/404/.test(e) || p.name !== 'not-found'),
        [],
        `${p.name}: console errors`,
      );
    }
    await close();
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
});
