// The print preview: Paged.js lays the document out in pages, with our fixes
// (repeated table headers, table breaks, orphans/widows, margins at the top
// of a page), then checks the result. The state is published on
// window.gongkaiPaged (and html[data-paged]) for the PDF renderer, which
// prints this very page (src/print/pdf/engines.ts).
import { Polisher, Previewer, registerHandlers } from 'pagedjs';
import { checkLayout, type LayoutProblem } from './check-layout.ts';
import { describeElement } from './describe.ts';
import { KeepLines } from './keep-lines.ts';
import { RepeatTableHeaders } from './repeat-table-headers.ts';
import { settleShortLines } from './short-lines.ts';
import { TableBreaks } from './table-breaks.ts';
import { TruncateMargins } from './truncate-margins.ts';

export interface PagedState {
  state: 'running' | 'done' | 'failed';
  pages?: number;
  /** Milliseconds: Paged.js's own layout, and this whole script until done (for the benchmark). */
  timings?: { layout: number; total: number };
  problems: LayoutProblem[];
  error?: string;
}

declare global {
  interface Window {
    gongkaiPaged?: PagedState;
  }
}

// Paged.js adds the stylesheets it rewrites as <style> elements, which the
// site's Content-Security-Policy (no 'unsafe-inline') blocks. Constructed
// stylesheets are not inline markup, so the preview works under it.
function adopt(text: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return sheet;
}
Polisher.prototype.insert = adopt;
const setup = Polisher.prototype.setup;
Polisher.prototype.setup = function (this: Polisher) {
  // Its own empty <style> for rules added later would be refused by the CSP (a
  // console error on every preview): it stays out of the document, and those
  // rules go to a constructed sheet. Paged.js only ever removes it again.
  const head = document.head;
  head.appendChild = <T extends Node>(node: T): T => node;
  try {
    setup.call(this);
  } finally {
    delete (head as Partial<Pick<HTMLHeadElement, 'appendChild'>>).appendChild;
  }
  this.styleSheet = adopt('');
  return this.styleSheet;
};

export const PAGED_EVENT = 'gongkai:paged';

// Paged.js lays out one page per step of its queue, and its queue steps on
// requestAnimationFrame: up to a frame (16.7 ms) of waiting per page, about as
// long as the layout itself. A message to itself is the next task instead: no
// waiting, and the browser still gets to handle input and paint in between.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function nextTask(callback: () => void) {
  waiting.push(callback);
  channel.port2.postMessage(null);
}

function publish(state: PagedState) {
  window.gongkaiPaged = state;
  document.documentElement.dataset.paged = state.state;
  if (state.state !== 'running') document.dispatchEvent(new CustomEvent(PAGED_EVENT));
}

/** Paged.js reports items it cannot place only through console.warn/error. */
function captureLayoutWarnings(into: LayoutProblem[]): () => void {
  const { warn, error } = console;
  const capture =
    (original: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      const [message, node] = args;
      if (typeof message === 'string' && /Unable to layout item|Layout repeated/.test(message)) {
        const el = node instanceof Element ? node : node instanceof Node ? node.parentElement : null;
        into.push({ kind: 'layout', element: el ? describeElement(el) : '（未知元素）' });
      }
      original.apply(console, args);
    };
  console.warn = capture(warn);
  console.error = capture(error);
  return () => {
    console.warn = warn;
    console.error = error;
  };
}

function showProblems(problems: LayoutProblem[]) {
  if (!problems.length) return;
  const box = document.createElement('div');
  box.className = 'paged-problems';
  box.setAttribute('role', 'alert');
  const title = document.createElement('p');
  title.textContent = `排版有 ${problems.length} 处问题，生成 PDF 时会报错：`;
  const list = document.createElement('ul');
  for (const p of problems) {
    const li = document.createElement('li');
    li.textContent = `${p.page ? `第 ${p.page} 页：` : ''}${p.element}`;
    list.append(li);
  }
  box.append(title, list);
  document.body.prepend(box);
}

/**
 * Paged.js fetches each stylesheet itself and gives up on the whole document
 * when one fails. The print page has only its own; one from elsewhere can
 * only be tampering, which the CSP and the PDF renderer block: it is dropped.
 */
function dropForeignStylesheets() {
  for (const link of document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]'))
    if (new URL(link.href, location.href).origin !== location.origin) link.remove();
}

async function main() {
  publish({ state: 'running', problems: [] });
  const problems: LayoutProblem[] = [];
  const restore = captureLayoutWarnings(problems);
  try {
    await document.fonts.ready;
    dropForeignStylesheets();
    registerHandlers(RepeatTableHeaders, TableBreaks, KeepLines, TruncateMargins);
    const start = performance.now();
    const previewer = new Previewer();
    previewer.chunker.q.tick = nextTask;
    const flow = await previewer.preview();
    settleShortLines(document.querySelector('.pagedjs_pages') ?? document);
    problems.push(...checkLayout(flow, document.querySelector('.pagedjs_pages') ?? document));
    const timings = { layout: Math.round(flow.performance), total: Math.round(performance.now() - start) };
    publish({ state: 'done', pages: flow.total, problems, timings });
    showProblems(problems);
  } catch (error) {
    publish({ state: 'failed', problems, error: error instanceof Error ? error.message : String(error) });
  } finally {
    restore();
  }
}

void main();
