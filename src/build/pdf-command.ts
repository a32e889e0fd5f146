// npm run pdf: checks the content, builds the print pages (or uses a built
// site), and renders <out>/pdf/<year>/<dept>.pdf for every report (or a
// shard's). Exit 0: all PDFs written; 1: content problems, including a report
// that exceeds the time or memory limit (the other PDFs are written); 69: the
// browser failed (no Chromium, a browser error); 70: a bug.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failed } from '../checks/index.ts';
import { formatHuman } from '../cli/format-findings.ts';
import { secondsSince } from '../cli/progress.ts';
import { EXIT, UserError } from '../cli/run.ts';
import { inShard, type Shard } from '../cli/shard.ts';
import { contentRoot, distDir, settings } from '../config.ts';
import { isDirectory, isFile } from '../lib/path-kind.ts';
import { pdfJobs, type PdfJob } from '../print/pdf/jobs.ts';
import { cacheFrom, parseEngine, parseJobs, parseTimeout } from '../print/pdf/options.ts';
import { EXIT_BROWSER, failureLine, outcomeOf, WARNING_NOTE, warningLines } from '../print/pdf/outcome.ts';
import { recordRun } from '../print/pdf/output.ts';
import { mergeManifests } from '../print/pdf/pdf-manifest.ts';
import { printPageFile, printPath } from '../print/print-urls.ts';
import { BrowserUnavailable, renderPdfs } from '../print/pdf/render-pdfs.ts';
import { contentIndex, scanContent } from '../scan/scan.ts';
import { buildContext } from './context.ts';
import { checkOutputDir, markOutput } from './output-dir.ts';
import { printStep } from './print-step.ts';

/** Print pages of these reports that a built site lacks: a site made from other content, or before they were added. */
async function missingPrintPages(siteDir: string, jobs: readonly PdfJob[]): Promise<string[]> {
  const missing: string[] = [];
  for (const job of jobs) {
    if (!(await isFile(join(siteDir, printPageFile(job.reportPath))))) missing.push(printPath(job.reportPath));
  }
  return missing;
}

export interface PdfOptions {
  out: string | undefined;
  /** A built site whose print pages are used as they are. */
  site: string | undefined;
  shard: Shard | undefined;
  engine: string | undefined;
  jobs: string | undefined;
  timeout: string | undefined;
  noCache: boolean;
  /** Fold the shards' manifests into manifest.json, nothing else. */
  merge: boolean;
}

export async function makePdfs(values: PdfOptions): Promise<number> {
  const env = settings().pdf;
  const out = distDir(values.out);
  const pdfDir = join(out, 'pdf');
  // Only --merge's own manifests are touched in a merge, so a folder the shards were gathered into is fine.
  await checkOutputDir(out, {
    contentRoot: contentRoot(),
    option: values.out ? '--out' : '输出目录',
    foreignFolderAllowed: values.merge,
  });

  if (values.merge) {
    const manifest = await mergeManifests(pdfDir);
    console.log(`✓ 已合并分片清单：${Object.keys(manifest.reports).length} 份 PDF → ${join(pdfDir, 'manifest.json')}`);
    return EXIT.ok;
  }

  if (values.site && !(await isDirectory(values.site)))
    throw new UserError(
      `--site 指定的网站目录 ${values.site} 不存在：先生成网站（例如 GONGKAI_PDF=0 npm run build -- --out ${values.site}），或去掉 --site，由 npm run pdf 自己生成打印页。`,
    );
  const shard = values.shard;
  const engine = parseEngine(values.engine ?? env.engine);
  const concurrency = parseJobs(values.jobs ?? env.jobs);
  const timeoutMs = parseTimeout(values.timeout ?? env.timeout);
  const cache = cacheFrom(env.cache, values.noCache);

  const start = performance.now();
  const root = contentRoot();
  const checks = await scanContent(root, { render: true });
  if (failed(checks)) {
    process.stderr.write(formatHuman(checks, process.cwd(), process.stderr.isTTY));
    process.stderr.write('内容有错误，未生成 PDF。请按上面的提示修改后重新运行。\n');
    return EXIT.problems;
  }
  const content = contentIndex(checks);
  const jobs = inShard(pdfJobs(content), shard);
  const site = content.site;

  const missing = values.site ? await missingPrintPages(values.site, jobs) : [];
  if (missing.length)
    throw new UserError(
      `--site 指定的网站 ${values.site} 中没有 ${missing.length} 份报告的打印页（如 ${missing[0]}）：它不是用当前的内容目录 ${root} 生成的，或生成后又加了报告。请用同一内容目录重新生成网站（GONGKAI_PDF=0 npm run build -- --out ${values.site}），或去掉 --site，由 npm run pdf 自己生成打印页。`,
    );
  let siteDir = values.site;
  let builtSite: string | undefined;
  if (!siteDir) {
    const t = performance.now();
    builtSite = siteDir = await mkdtemp(join(tmpdir(), 'gongkai-pdf-site-'));
    const ctx = buildContext({ contentRoot: root, content, outDir: siteDir });
    ctx.scope = new Set(jobs.map((j) => j.source));
    await printStep.run(ctx);
    console.log(`✓ 打印页（${secondsSince(t)}）`);
  }

  await mkdir(out, { recursive: true });
  await markOutput(out);
  const live = process.stdout.isTTY && !settings().ci;
  try {
    const results = await renderPdfs({
      siteDir,
      contentRoot: root,
      pdfDir,
      jobs,
      engine,
      concurrency,
      cache,
      timeoutMs,
      fontFiles: site?.print.font_files.map((f) => f.file) ?? [],
      onResult: (r, done, total) => {
        const lines = [...(r.status === 'failed' ? [failureLine(r)] : []), ...warningLines(r)];
        for (const line of lines) process.stderr.write(`${live ? '\r\x1b[K' : ''}${line}\n`);
        if (live) process.stdout.write(`\r\x1b[K${done} / ${total} ${r.job.id}`);
      },
    });
    if (live) process.stdout.write('\r\x1b[K');
    const manifest = await recordRun(pdfDir, results, engine, shard);
    const outcome = outcomeOf(results);
    const where = shard ? `，第 ${shard.index}/${shard.count} 片` : '';
    console.log(
      `${outcome.failed.length ? '✗' : '✓'} ${outcome.summary}，引擎 ${engine}${where}（${secondsSince(start)}）`,
    );
    console.log(`  输出：${pdfDir}（清单 ${manifest}）`);
    if (results.some((r) => r.warnings?.length)) process.stderr.write(`${WARNING_NOTE}\n`);
    if (outcome.failed.length) {
      process.stderr.write(
        outcome.exitCode === EXIT.problems
          ? '以上报告的 PDF 未生成：请按提示修改报告后重新运行 npm run pdf。\n'
          : '浏览器未能完成以上报告（不是报告内容的问题）：请重新运行；如仍失败，请报告维护人员。\n',
      );
    }
    return outcome.exitCode;
  } catch (error) {
    if (!(error instanceof BrowserUnavailable)) throw error;
    process.stderr.write(`${live ? '\r\x1b[K' : ''}错误：${error.message}\n`);
    return EXIT_BROWSER;
  } finally {
    if (builtSite) await rm(builtSite, { recursive: true, force: true });
  }
}
