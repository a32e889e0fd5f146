// The website in real Chromium, for people with disabilities: axe (WCAG 2.2 AA)
// on every page type, landmarks and headings, the keyboard, 关怀版 to 适老化 norms.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { axeAudit } from './helpers/axe.ts';
import { browserAvailable, NO_CHROMIUM, openPage } from './helpers/browser.ts';
import { pageTypes, SCREENS, WCAG, visit, serveSharedSites } from './helpers/site-pages.ts';

const available = browserAvailable();

let seedUrl = '';
let multiUrl = '';
const pages = () => pageTypes(seedUrl, multiUrl);

describe('the website in Chromium', { skip: available ? false : NO_CHROMIUM }, () => {
  before(async () => {
    ({ seedUrl, multiUrl } = await serveSharedSites());
    await mkdir(SCREENS, { recursive: true });
  });

  test('axe finds no WCAG 2.2 AA violation on any page type (also in 关怀版 and after sorting)', async (t) => {
    const { page, close } = await openPage();
    const failures: string[] = [];
    let rules = 0;
    const audit = async (name: string) => {
      const result = await axeAudit(page, WCAG);
      rules = Math.max(rules, result.passed);
      for (const v of result.violations)
        failures.push(`${name}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(', ')}`);
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

  test('关怀版 to 适老化 norms: text 24 px and up, line height 1.5 and up, 44 px targets, the column centred at 1280 px, no script needed', async () => {
    for (const javaScriptEnabled of [false, true]) {
      const { page, close } = await openPage({ viewport: { width: 1280, height: 900 }, javaScriptEnabled });
      await page.goto(`${seedUrl}/reports/2023/kgxj/`);
      await page.check('#care-mode');
      // The same page in a window of each width (the layout follows the width alone).
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
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
      }
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
});
