// Building a content tree's site once and printing it with `npm run pdf`, the
// way CI and staff do, into temporary folders that the tests remove; or, for
// tests that tamper with the built pages, with the renderer `npm run pdf`
// calls, in this process.
import { createHash } from 'node:crypto';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after } from 'node:test';
import { failed } from '../../src/checks/index.ts';
import { contentIndex, scanContent } from '../../src/scan/scan.ts';
import type { Engine } from '../../src/print/pdf/engines.ts';
import { pdfJobs } from '../../src/print/pdf/jobs.ts';
import type { Manifest } from '../../src/print/pdf/pdf-manifest.ts';
import { pdfPath } from '../../src/model/urls.ts';
import { renderPdfs, type JobResult } from '../../src/print/pdf/render-pdfs.ts';
import { runScript, type CliResult } from '../helpers/cli.ts';
import { tempDir } from '../helpers/content.ts';
import { testScanPool } from '../helpers/scan-pool.ts';

const temporary: string[] = [];
after(() => Promise.all(temporary.map((d) => rm(d, { recursive: true, force: true }))));

export async function scratch(): Promise<string> {
  const dir = await tempDir('gongkai-pdf-test-');
  temporary.push(dir);
  return dir;
}

const sites = new Map<string, Promise<string>>();

/** A content tree and its built site (print pages included). */
export interface PrintTree {
  content: string;
  site: string;
}

/** `npm run build` without PDFs: the site, print and preview pages included, in `out`. */
export async function buildSiteWithoutPdfs(content: string, out: string): Promise<string> {
  const r = await runScript('build', ['--out', out], { GONGKAI_CONTENT: content, GONGKAI_PDF: '0' });
  if (r.status !== 0) throw new Error(`site build failed:\n${r.stdout}${r.stderr}`);
  return out;
}

/** The site (print and preview pages) of a content tree, built once per test file. */
export function siteFor(content: string): Promise<string> {
  let site = sites.get(content);
  if (!site) {
    site = scratch().then((dir) => buildSiteWithoutPdfs(content, join(dir, 'site')));
    sites.set(content, site);
  }
  return site;
}

/** Where `npm run pdf --out <out>` writes a report's PDF (“2023/kgxj”), by the site's URL policy. */
export function pdfFile(out: string, id: string): string {
  const [year, department] = id.split('/');
  return join(out, pdfPath(Number(year), department ?? ''));
}

export interface PdfRun extends CliResult {
  out: string;
  pdf: (id?: string) => string;
}

/**
 * `npm run pdf` over a content tree's site: a shared tree's, or one built for
 * this file. No cache unless the test passes one in env.
 */
export async function printPdfs(
  from: string | PrintTree,
  options: { engine?: Engine; args?: string[]; env?: NodeJS.ProcessEnv; out?: string } = {},
): Promise<PdfRun> {
  const { content, site } = typeof from === 'string' ? { content: from, site: await siteFor(from) } : from;
  const out = options.out ?? (await scratch());
  const args = ['--site', site, '--out', out, '--engine', options.engine ?? 'pagedjs'];
  const r = await runScript('pdf', [...args, ...(options.args ?? [])], {
    GONGKAI_CONTENT: content,
    GONGKAI_PDF_CACHE: '0',
    ...options.env,
  });
  return { ...r, out, pdf: (id = '2023/kgxj') => pdfFile(out, id) };
}

/**
 * A copy of a built site whose print pages are edited as given (by report,
 * "2023/kgxj"), and with extra files: what a renderer bypass or a tampered
 * build would hand the PDF step.
 */
export async function tamperedSite(
  site: string,
  pages: Record<string, (html: string) => string>,
  files: Record<string, string> = {},
): Promise<string> {
  const copy = join(await scratch(), 'site');
  await cp(site, copy, { recursive: true });
  for (const [id, edit] of Object.entries(pages)) {
    const page = join(copy, 'reports', id, 'print/index.html');
    await writeFile(page, edit(await readFile(page, 'utf8')));
  }
  for (const [file, text] of Object.entries(files)) await writeFile(join(copy, file), text);
  return copy;
}

export interface InProcessRun {
  results: JobResult[];
  byId: (id: string) => JobResult;
  pdf: (id?: string) => string;
}

/** The reports of a content tree (or `only` those, by id) printed from a built site by renderPdfs, as `npm run pdf` does (no cache). */
export async function renderInProcess(
  content: string,
  siteDir: string,
  options: { engine?: Engine; timeoutMs?: number; concurrency?: number; only?: readonly string[] } = {},
): Promise<InProcessRun> {
  const checks = await scanContent(content, { cache: false, pool: testScanPool() });
  if (failed(checks)) throw new Error(`content does not pass the checks: ${JSON.stringify(checks.findings[0])}`);
  const index = contentIndex(checks);
  const out = await scratch();
  const pdfDir = join(out, 'pdf');
  const results = await renderPdfs({
    siteDir,
    contentRoot: content,
    pdfDir,
    jobs: pdfJobs(index).filter((j) => !options.only || options.only.includes(j.id)),
    engine: options.engine ?? 'pagedjs',
    concurrency: options.concurrency ?? 2,
    cache: undefined,
    timeoutMs: options.timeoutMs ?? 120_000,
    fontFiles: index.site?.print.font_files.map((f) => f.file) ?? [],
  });
  return {
    results,
    byId: (id) => results.find((r) => r.job.id === id)!,
    pdf: (id = '2023/kgxj') => pdfFile(out, id),
  };
}

/** A file's SHA-256, computed here (not by the code under test). */
export const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

/** The PDF manifest of an output folder (or another manifest file in its pdf/). */
export const manifestOf = async (out: string, name = 'manifest.json') =>
  JSON.parse(await readFile(join(out, 'pdf', name), 'utf8')) as Manifest;
