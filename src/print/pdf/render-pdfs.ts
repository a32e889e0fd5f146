// Renders a list of reports to PDF: one browser, a pool of pages working in
// parallel, a content-hash cache in front. A report that fails is recorded
// and the others go on. Each page reaches only the local print server
// (print-page.ts), each report has a time and memory limit (limits.ts), and
// the finished PDF's links pass the URL policy (link-annotations.ts). Shared
// by `npm run pdf`, the build step and the benchmark.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../chromium.ts';
import { hashOf, type PdfCache } from './pdf-cache.ts';
import { printPageFile, printPath } from '../print-urls.ts';
import {
  pagedProgress,
  pageUrl,
  renderWith,
  setUpPage,
  type Engine,
  type EngineOutput,
  type PrintTimings,
} from './engines.ts';
import { RenderFailure } from './failure.ts';
import { readFontFiles } from './font-files.ts';
import { browserVersion, fontFilesHash, systemFonts } from './inputs.ts';
import { HEAP_ARGS, withinLimits } from './limits.ts';
import { startFence } from './network-fence.ts';
import type { PdfJob } from './jobs.ts';
import type { ManifestEntry } from './pdf-manifest.ts';
import { fallbackFonts } from './fallback-fonts.ts';
import { openPrintPage, type PrintPage } from './print-page.ts';
import { servePrintSite } from './print-server.ts';

/** Bump when the pipeline changes what it makes of the same inputs. */
const PIPELINE_VERSION = '2';

export interface RenderOptions {
  /** The built site, with the print and preview pages of every job. */
  siteDir: string;
  contentRoot: string;
  /** The pdf/ folder of the output. */
  pdfDir: string;
  jobs: readonly PdfJob[];
  engine: Engine;
  /** Browser pages working at once. */
  concurrency: number;
  /** Undefined: render everything. */
  cache: PdfCache | undefined;
  /** Per report, for loading, paging and printing together. */
  timeoutMs: number;
  /** Licensed font files of site.yaml, relative to the content root. */
  fontFiles: readonly string[];
  onResult?: (result: JobResult, done: number, total: number) => void;
  /** Aborted (the build was interrupted): no new PDF is started, and the run throws once the pages in hand are done. */
  signal?: AbortSignal;
}

export interface JobResult {
  job: PdfJob;
  status: 'rendered' | 'cached' | 'failed';
  /** The cache key of a PDF that was made or found (a shard hands these over). */
  key?: string;
  entry?: ManifestEntry;
  failure?: RenderFailure;
  /** Things that should not happen and were stopped (requests off the print server, links the policy refuses). */
  warnings?: string[];
  /** A rendered PDF's milliseconds: the print, then writing its metadata (`finish`). For npm run bench:pdf. */
  timings?: PrintTimings & { finish: number };
}

/** Stylesheets and scripts of the site that a print page loads (/_astro/…, /print/fonts.css). */
const ASSET = /(?:src|href)="(\/[^"]+\.(?:css|js))"/g;

/** The cache key of a job: the page and its assets, plus everything else that shapes the PDF. */
async function keyOf(job: PdfJob, opts: RenderOptions, shared: string, assets: Map<string, Promise<Buffer>>) {
  // Both engines print the same page (Paged.js with ?paged); its file, and the engine, make the key.
  const url = printPath(job.reportPath);
  let html: Buffer;
  try {
    html = await readFile(join(opts.siteDir, printPageFile(job.reportPath)));
  } catch {
    throw new RenderFailure('infrastructure', `网站中没有打印页 ${url}（网站是否已用当前代码生成？）`);
  }
  const parts: (string | Buffer)[] = [shared, JSON.stringify(job.metadata), job.siteUrl ?? '', html];
  for (const [, asset] of html.toString('utf8').matchAll(ASSET)) {
    if (!asset) continue;
    if (!assets.has(asset))
      assets.set(
        asset,
        readFile(join(opts.siteDir, asset)).catch(() => Buffer.alloc(0)),
      );
    parts.push(asset, await assets.get(asset)!);
  }
  return hashOf(...parts);
}

async function writeAtomically(path: string, bytes: Uint8Array) {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

/** No browser, no PDFs: one message for the whole run instead of one per report. */
export class BrowserUnavailable extends RenderFailure {
  constructor(message: string) {
    super('infrastructure', message);
  }
}

async function launch(args: string[]): Promise<Browser> {
  try {
    return await launchChromium({ args: [...HEAP_ARGS, ...args] });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new BrowserUnavailable(
      `无法启动 Chromium（${chromiumPath() ?? '未找到'}）：${detail}。请安装 Debian 软件包 chromium，或用环境变量 GONGKAI_CHROMIUM 指定其路径。`,
    );
  }
}

/** A report's page printed to PDF bytes, within its time and memory limits. */
function print(printer: PrintPage, url: string, opts: RenderOptions): Promise<EngineOutput> {
  const { page } = printer;
  return withinLimits(
    printer,
    opts.timeoutMs,
    async () => {
      const output = await renderWith(opts.engine, page, url, opts.timeoutMs);
      if (output.pdf.includes('/Type3')) {
        const where = await fallbackFonts(page).catch(() => []);
        throw new RenderFailure(
          'content',
          `有文字没有可嵌入的字体，在 PDF 中成了 Type 3 轮廓${where.length ? `：${where.join('；')}` : ''}。` +
            '这些字符不在 site.yaml 的 print.fonts 所列字体中（多为生僻字或外文）；请加入含这些字符的 TrueType 字体，或核对原文',
        );
      }
      return output;
    },
    () => (opts.engine === 'pagedjs' ? pagedProgress(page) : Promise.resolve('')),
  );
}

const SHOWN = 3;
const listed = (items: readonly string[]) =>
  `${items.slice(0, SHOWN).join('、')}${items.length > SHOWN ? ` 等 ${items.length} 处` : ''}`;

function warningsOf(refusedRequests: readonly string[], refusedLinks: readonly string[]): string[] | undefined {
  const warnings: string[] = [];
  if (refusedRequests.length)
    warnings.push(`打印页试图访问本机打印服务以外的地址，已阻止：${listed(refusedRequests)}（PDF 中没有这些资源）`);
  if (refusedLinks.length) warnings.push(`PDF 中不允许的链接已去掉：${listed(refusedLinks)}`);
  return warnings.length ? warnings : undefined;
}

export async function renderPdfs(opts: RenderOptions): Promise<JobResult[]> {
  const fonts = await readFontFiles(opts.contentRoot, opts.fontFiles);
  const shared = hashOf(PIPELINE_VERSION, opts.engine, browserVersion(), systemFonts(), fontFilesHash(fonts));
  const assets = new Map<string, Promise<Buffer>>();
  const server = await servePrintSite(opts.siteDir, fonts);
  const fence = await startFence(server.url);
  let browser: Promise<Browser> | undefined;
  const results: JobResult[] = new Array(opts.jobs.length);
  let next = 0;
  let done = 0;

  const record = (i: number, result: JobResult) => {
    results[i] = result;
    opts.onResult?.(result, ++done, opts.jobs.length);
  };

  async function worker() {
    let printer: PrintPage | undefined;
    try {
      while (next < opts.jobs.length && !opts.signal?.aborted) {
        const i = next++;
        const job = opts.jobs[i]!;
        let refused: string[] = [];
        try {
          const key = await keyOf(job, opts, shared, assets);
          const target = join(opts.pdfDir, job.file);
          const cached = await opts.cache?.get(key);
          if (cached) {
            await writeAtomically(target, cached.bytes);
            record(i, { job, status: 'cached', key, entry: entryOf(job, cached.bytes, cached.pages) });
            continue;
          }
          browser ??= launch(fence.args);
          if (!printer) {
            printer = await openPrintPage(await browser, server.url);
            await setUpPage(printer.page, opts.engine, opts.timeoutMs);
          }
          printer.takeRefused();
          const { pdf, timings } = await print(printer, pageUrl(opts.engine, server.url, job.reportPath), opts);
          refused = printer.takeRefused();
          const finishing = performance.now();
          // The PDF library is loaded with the first PDF made, not for a run the cache answers.
          const { finishPdf } = await import('./metadata.ts');
          const { bytes, pages, refusedLinks } = await finishPdf(pdf, job.metadata, key, {
            localOrigin: server.url,
            siteUrl: job.siteUrl,
            source: job.source,
          });
          const finished = performance.now() - finishing;
          const warnings = warningsOf(refused, refusedLinks);
          // Not cached with warnings: each run warns again until the cause is gone.
          if (!warnings) await opts.cache?.put(key, { bytes, pages });
          await writeAtomically(target, bytes);
          record(i, {
            job,
            status: 'rendered',
            ...(warnings ? { warnings } : { key }),
            entry: entryOf(job, bytes, pages),
            timings: { ...timings, finish: finished },
          });
        } catch (error) {
          if (error instanceof BrowserUnavailable) throw error;
          const failure =
            error instanceof RenderFailure
              ? error
              : new RenderFailure(
                  'infrastructure',
                  error instanceof Error ? error.message.split('\n')[0]! : String(error),
                );
          const warnings = warningsOf([...refused, ...(printer?.takeRefused() ?? [])], []);
          // A page that failed may be in any state (still laying out, crashed): the next job gets a fresh one.
          await printer?.close();
          printer = undefined;
          record(i, { job, status: 'failed', failure, ...(warnings ? { warnings } : {}) });
        }
      }
    } finally {
      await printer?.close();
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, opts.jobs.length)) }, worker));
  } finally {
    if (browser) await (await browser.catch(() => undefined))?.close();
    await Promise.all([server.close(), fence.close()]);
  }
  opts.signal?.throwIfAborted();
  return results;
}

function entryOf(job: PdfJob, bytes: Uint8Array, pages: number): ManifestEntry {
  return {
    file: job.file,
    sha256: hashOf(bytes),
    bytes: bytes.length,
    pages,
    title: job.metadata.title,
    issued: job.metadata.issued,
  };
}
