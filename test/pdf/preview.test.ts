// The print preview page staff open in a browser: Paged.js from our own
// origin (no CDN, no inline script), the same pages as the PDF.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../src/print/chromium.ts';
import { cspMeta } from '../../src/lib/csp.ts';
import { serveDir, type StaticServer } from '../../src/lib/static-server.ts';
import { scratch } from './helpers.ts';
import { TEXT_WIDTH_PX } from '../../src/print/pdf/engines.ts';
import { settleShortLines } from '../../src/print/paged/short-lines.ts';
import { PRINT_CASES, printCasesSite, printedCase } from './print-cases.ts';
import { pdfinfo } from './poppler.ts';

describe('print preview page', () => {
  let browser: Browser;
  let server: StaticServer;
  before(async () => {
    server = await serveDir((await printCasesSite()).site);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The preview of the seed report, paged once, as staff open it from a web
   * server that sends the site's strictest policy as a header too (no inline
   * script or style at all); what it requested and logged.
   */
  let paged: { page: Page; requests: string[]; errors: string[]; violations: string[] };
  before(async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    const requests: string[] = [];
    const errors: string[] = [];
    const violations: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'" },
      });
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${server.url}/reports/2023/kgxj/print/?paged`);
    await page.waitForFunction(() => document.documentElement.dataset.paged === 'done');
    await page.waitForLoadState('networkidle');
    paged = { page, requests, errors, violations };
  });

  test('pages the report with Paged.js served from this site, like the PDF', async () => {
    const { page, requests } = paged;
    const state = await page.evaluate(() => window.gongkaiPaged);
    assert.deepEqual(state?.problems, []);
    assert.equal(await page.locator('.pagedjs_page').count(), state?.pages);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script (CSP script-src self)');
    assert.ok(requests.length > 0);
    for (const url of requests) assert.ok(url.startsWith(server.url), `same origin: ${url}`);
    await page.screenshot({ path: join(process.env.GONGKAI_SCREENSHOTS ?? (await scratch()), 'preview.png') });

    const pdf = await printedCase('seed', 'pagedjs');
    assert.equal(Number(pdfinfo(pdf.pdf()).Pages), state?.pages, 'the preview shows the pages of the PDF');
  });

  test('logs no error: no Content-Security-Policy violation, no missing file (favicon)', () => {
    assert.deepEqual(paged.errors, []);
  });

  test('一级 headings in a 黑体 face, 二级 in a 楷体 face, body in a 宋 face with GB forms', async () => {
    const { page } = paged;
    // The faces Chromium really drew each element with (not just the stacks asked for).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const faces = async (selector: string) => {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((f) => f.familyName);
    };
    assert.deepEqual(await faces('.pagedjs_page .document h2'), ['WenQuanYi Zen Hei']);
    assert.deepEqual(await faces('.pagedjs_page .document h3'), ['AR PL KaitiM GB']);
    assert.deepEqual(await faces('.pagedjs_page .document p'), ['AR PL SungtiL GB']);
    await cdp.detach();
  });

  test("works under the site's Content-Security-Policy (no inline script or style)", async () => {
    const { page, violations } = paged;
    // Not even Paged.js's own empty <style> element: it never enters the document.
    assert.deepEqual(violations, []);
    const state = await page.evaluate(() => window.gongkaiPaged);
    assert.deepEqual(state?.problems, []);
    assert.ok((state?.pages ?? 0) >= 5);
    const title = page.locator('.pagedjs_page h1');
    assert.equal(
      await title.evaluate((h) => getComputedStyle(h).fontFamily.includes('AR PL SungtiL GB')),
      true,
      'the font stacks of /print/fonts.css apply',
    );
  });

  test("without ?paged the print page runs nothing; it carries the site's policy", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/reports/2023/kgxj/print/`);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.equal(policy, cspMeta(), "the same policy as every page, no 'unsafe-inline'");
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
    await page.waitForLoadState('networkidle');
    assert.equal(
      await page.evaluate(() => document.documentElement.dataset.paged ?? null),
      null,
      'Paged.js not started',
    );
    assert.equal(await page.locator('.pagedjs_page').count(), 0);
    assert.equal(await page.locator('h1').textContent(), '科工信局 2023 年度整体支出绩效自评报告');
    await page.close();
  });

  test('short lines: the lines settled are those that measuring every character finds, with the same slack', async () => {
    // settleShortLines measures a few characters a line; this reference measures
    // each one (as the function once did) and lists the lines to settle: the
    // last character and the width of the filler (to 0.01 px, as the style
    // keeps it). Both on the same layout.
    const reference = (root: Document) => {
      const html = root.documentElement;
      const blocks = [...root.querySelectorAll<HTMLElement>('.document p, .document li')].filter(
        (el) => getComputedStyle(el).textAlign === 'justify',
      );
      html.setAttribute('data-settling-lines', '');
      const range = root.createRange();
      const settled: [string, number][] = [];
      for (const block of blocks) {
        const style = getComputedStyle(block);
        const em = parseFloat(style.fontSize);
        const right =
          block.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
        const lines: { node: Text; offset: number; right: number; top: number }[] = [];
        const walker = root.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          if (node.parentElement?.closest('p, li') !== block) continue;
          for (let i = 0; i < node.data.length; i++) {
            if (/\s/.test(node.data[i] ?? '')) continue;
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect || rect.width === 0) continue;
            const last = lines.at(-1);
            if (last && rect.top < last.top + em / 2) Object.assign(last, { node, offset: i, right: rect.right });
            else lines.push({ node, offset: i, right: rect.right, top: rect.top });
          }
        }
        for (const end of block.hasAttribute('data-split-to') ? lines : lines.slice(0, -1)) {
          const slack = right - end.right;
          const atBreak = end.offset === end.node.length - 1 && end.node.nextSibling?.nodeName === 'BR';
          if (slack > em && !atBreak)
            settled.push([end.node.data[end.offset] ?? '', Math.round((slack - 2) * 100) / 100]);
        }
      }
      html.removeAttribute('data-settling-lines');
      return settled;
    };
    const page = await browser.newPage({ viewport: { width: TEXT_WIDTH_PX, height: 1000 } });
    let total = 0;
    for (const report of Object.values(PRINT_CASES)) {
      await page.goto(`${server.url}/reports/${report}/print/`);
      await page.evaluate(() => document.fonts.ready);
      // And what the reports rarely have: spaced Latin words and numbers, inline
      // elements, long unbreakable runs and forced breaks.
      await page.evaluate(() => {
        const first = document.querySelector('.document p');
        const words = '项目 Project 的 2023 年度 budget 执行率为 101.25%；其中 A B C D 与 E F 各 项 为 ';
        const spaced = document.createElement('p');
        spaced.textContent = words.repeat(6);
        const inline = document.createElement('p');
        for (let i = 0; i < 24; i++) {
          const span = document.createElement(i % 3 ? 'span' : 'strong');
          span.textContent = i % 4 ? '科技型中小企业备案' : '2,860,000.00元（百分之一百零一点二五）';
          inline.append(span, i % 5 ? '，' : ' ');
        }
        const broken = document.createElement('p');
        for (let i = 0; i < 6; i++) broken.append('一二三四五六七八九十'.repeat(i + 1), document.createElement('br'));
        first?.after(spaced, inline, broken);
      });
      const expected = await page.evaluate(`(${reference.toString()})(document)`);
      const count = await page.evaluate(`(${settleShortLines.toString()})(document)`);
      const made = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.line-fill')].map((f) => [
          (f.previousSibling?.textContent ?? '').slice(-1),
          Math.round(parseFloat(f.style.width) * 100) / 100,
        ]),
      );
      assert.deepEqual(made, expected, report);
      assert.equal(count, made.length);
      total += made.length;
    }
    assert.ok(total >= 40, `${total} lines settled in the four cases`);
    await page.close();
  });
});
