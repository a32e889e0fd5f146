// npm run pdf [-- --shard i/n] [--engine=pagedjs|chromium] [--jobs N] [--out dir]
//             [--site dir] [--no-cache] [--timeout s] [--merge]
// Checks the content, builds the site's print pages (or uses --site), and
// renders <out>/pdf/<year>/<dept>.pdf for every report (or this shard's).
// Exit 0: all PDFs written; 1: content problems, including a report that
// exceeds the time or memory limit (the other PDFs are written); 69: the
// browser failed (no Chromium, a browser error); 70: a bug.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { failed } from '../src/checks/index.ts';
import { contentIndex, scanContent } from '../src/scan/scan.ts';
import { contentRoot } from '../src/config.ts';
import { buildContext } from '../src/build/context.ts';
import { siteStep } from '../src/build/site-step.ts';
import { checkOutputDir, markOutput } from '../src/build/output-dir.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';
import { formatHuman } from '../src/cli/format-findings.ts';
import { distDir } from '../src/config.ts';
import { pdfJobs } from '../src/print/pdf/jobs.ts';
import { mergeManifests } from '../src/print/pdf/pdf-manifest.ts';
import { cacheFrom, parseEngine, parseJobs, parseTimeout } from '../src/print/pdf/options.ts';
import { EXIT_BROWSER, failureLine, outcomeOf, WARNING_NOTE, warningLines } from '../src/print/pdf/outcome.ts';
import { recordRun } from '../src/print/pdf/output.ts';
import { BrowserUnavailable, renderPdfs } from '../src/print/pdf/render-pdfs.ts';
import { secondsSince } from '../src/cli/progress.ts';
import { inShard, parseShard } from '../src/cli/shard.ts';

run(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        shard: { type: 'string' },
        engine: { type: 'string' },
        jobs: { type: 'string' },
        out: { type: 'string' },
        site: { type: 'string' },
        timeout: { type: 'string' },
        'no-cache': { type: 'boolean' },
        merge: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UserError(
      `${(error as Error).message}。用法：npm run pdf -- [--shard i/n] [--engine=pagedjs|chromium] [--jobs N] [--out 目录]`,
    );
  }
  const { values } = parsed;
  const env = process.env;
  const out = distDir(values.out);
  const pdfDir = join(out, 'pdf');
  // Only --merge's own manifests are touched in a merge, so a folder the shards were gathered into is fine.
  await checkOutputDir(out, {
    contentRoot: contentRoot(),
    option: values.out ? '--out' : '输出目录',
    foreignFolderAllowed: values.merge === true,
  });

  if (values.merge) {
    const manifest = await mergeManifests(pdfDir);
    console.log(`✓ 已合并分片清单：${Object.keys(manifest.reports).length} 份 PDF → ${join(pdfDir, 'manifest.json')}`);
    return EXIT.ok;
  }

  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  const engine = parseEngine(values.engine ?? env.GONGKAI_PDF_ENGINE);
  const concurrency = parseJobs(values.jobs ?? env.GONGKAI_PDF_JOBS);
  const timeoutMs = parseTimeout(values.timeout ?? env.GONGKAI_PDF_TIMEOUT);
  const cache = cacheFrom(env.GONGKAI_PDF_CACHE, values['no-cache']);

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

  let siteDir = values.site;
  let builtSite: string | undefined;
  if (!siteDir) {
    const t = performance.now();
    builtSite = siteDir = await mkdtemp(join(tmpdir(), 'gongkai-pdf-site-'));
    await siteStep.run(buildContext({ contentRoot: root, content, outDir: siteDir }));
    console.log(`✓ 打印页（${secondsSince(t)}）`);
  }

  await mkdir(out, { recursive: true });
  await markOutput(out);
  const live = process.stdout.isTTY && !env.CI;
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
});
