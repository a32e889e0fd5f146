// The two ways of turning a report's print page into PDF bytes, on a browser
// page of the pool. Paged.js (default) prints the preview page after its
// script has paged and checked the document; Chromium prints the plain print
// page with its own paged media. Both produce tagged PDF with an outline.
import type { Page } from 'playwright-core';
import { previewPath, printPath } from '../print-urls.ts';
import { describeElement } from '../paged/describe.ts';
import { findOverflow } from '../paged/find-overflow.ts';
import { settleShortLines } from '../paged/short-lines.ts';
import type { PagedState } from '../paged/paged.ts';
import { describeProblems, RenderFailure } from './failure.ts';

export const ENGINES = ['pagedjs', 'chromium'] as const;
export type Engine = (typeof ENGINES)[number];

/**
 * Milliseconds of one print, for `npm run bench:pdf`'s account of where the
 * time goes: loading the page, the engine's work on it once loaded (Paged.js:
 * waiting for its script, whose own layout is `layout`; Chromium: the
 * overflow check and short lines), and page.pdf().
 */
export interface PrintTimings {
  load: number;
  engine: number;
  layout?: number;
  pdf: number;
}

export interface EngineOutput {
  pdf: Buffer;
  timings: PrintTimings;
}

/** The 版心 is 156 mm wide: the Chromium engine lays the page out at that width to find what sticks out. */
export const TEXT_WIDTH_PX = Math.round((156 / 25.4) * 96);

export const pageUrl = (engine: Engine, base: string, reportPath: string) =>
  base + (engine === 'pagedjs' ? previewPath(reportPath) : printPath(reportPath));

/** Resolves when the preview page has paged the document (src/print/paged/paged.ts). */
const pagedDone = () =>
  new Promise<void>((resolve) => {
    if (window.gongkaiPaged && window.gongkaiPaged.state !== 'running') resolve();
    else document.addEventListener('gongkai:paged', () => resolve(), { once: true });
  });

/** Paged.js's own layout time (ms), as its page reports it. */
async function pagedjs(page: Page): Promise<number | undefined> {
  await page.evaluate(pagedDone);
  const state = (await page.evaluate(() => window.gongkaiPaged)) as PagedState;
  if (state.state === 'failed')
    throw new RenderFailure('infrastructure', `Paged.js 出错：${state.error ?? '未知错误'}`);
  if (state.problems.length) throw new RenderFailure('content', describeProblems(state.problems));
  return state.timings?.layout;
}

/** How far Paged.js got, for a report that ran out of time: “已排到第 3 页，该页末尾是“…”” (empty when unknown). */
export async function pagedProgress(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const pages = document.querySelectorAll('.pagedjs_page');
      if (!pages.length) return '';
      const last = pages[pages.length - 1]?.querySelector('.pagedjs_page_content');
      const text = (last?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return `已排到第 ${pages.length} 页，该页末尾是“${text.slice(-20)}”`;
    })
    .catch(() => '');
}

async function chromium(page: Page): Promise<void> {
  const overflow = (await page.evaluate(
    `(${findOverflow.toString()})(${TEXT_WIDTH_PX}, ${describeElement.toString()})`,
  )) as string | undefined;
  if (overflow) throw new RenderFailure('content', describeProblems([{ kind: 'overflow', element: overflow }]));
  // Lines are measured at the width of the 版心, where the print layout breaks them too.
  await page.evaluate(`(${settleShortLines.toString()})(document)`);
}

/** Prepares a pool page for an engine (the Chromium engine measures at the width of the 版心). */
export async function setUpPage(page: Page, engine: Engine, timeout: number): Promise<void> {
  page.setDefaultTimeout(timeout);
  if (engine === 'chromium') await page.setViewportSize({ width: TEXT_WIDTH_PX, height: 1000 });
}

export async function renderWith(engine: Engine, page: Page, url: string, timeout: number): Promise<EngineOutput> {
  const start = performance.now();
  await page.goto(url, { waitUntil: 'load', timeout });
  const loaded = performance.now();
  let layout: number | undefined;
  if (engine === 'pagedjs') layout = await pagedjs(page);
  else await chromium(page);
  await page.evaluate(() => document.fonts.ready);
  const ready = performance.now();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  const timings = {
    load: loaded - start,
    engine: ready - loaded,
    ...(layout === undefined ? {} : { layout }),
    pdf: performance.now() - ready,
  };
  return { pdf, timings };
}
