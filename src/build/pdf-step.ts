// The PDFs: every report's print page (already in the staging folder, from the
// print step) printed to pdf/<year>/<dept>.pdf, with pdf/manifest.json; each
// PDF's size and page count go to the web pages, built next. GONGKAI_PDF=0
// skips them (and the pages then offer no PDF). A report whose PDF fails fails
// the build, like a failed check: nothing is published, and every failing
// report is named at once.
import { join } from 'node:path';
import { UserError } from '../cli/run.ts';
import { cacheFrom, parseEngine, parseJobs, parseTimeout } from '../print/pdf/options.ts';
import { EXIT_BROWSER, failureLine, outcomeOf, warningLines } from '../print/pdf/outcome.ts';
import { recordRun } from '../print/pdf/output.ts';
import type { BuildStep } from './context.ts';

export const pdfStep: BuildStep = {
  name: 'pdf',
  title: '打印版',
  skip: ({ settings }) => (settings.pdf.enabled ? undefined : '已跳过（GONGKAI_PDF=0）'),
  async run(ctx) {
    // Loaded only when PDFs are made: the browser driver and the PDF library
    // take most of a second to load, which a build without PDFs never needs.
    const [{ pdfJobs }, { BrowserUnavailable, renderPdfs }] = await Promise.all([
      import('../print/pdf/jobs.ts'),
      import('../print/pdf/render-pdfs.ts'),
    ]);
    const { contentRoot, content, outDir, settings } = ctx;
    const engine = parseEngine(settings.pdf.engine);
    const pdfDir = join(outDir, 'pdf');
    const jobs = pdfJobs(content).filter((j) => !ctx.scope || ctx.scope.has(j.source));
    // No browser is a problem of this machine that staff can fix (install
    // chromium), so it is reported like a content problem: exit 1, in Chinese.
    const results = await renderPdfs({
      siteDir: outDir,
      contentRoot,
      pdfDir,
      jobs,
      engine,
      concurrency: parseJobs(settings.pdf.jobs),
      cache: cacheFrom(settings.pdf.cache),
      timeoutMs: parseTimeout(settings.pdf.timeout),
      fontFiles: content.site?.print.font_files.map((f) => f.file) ?? [],
      onResult: (r) => {
        for (const line of warningLines(r)) process.stderr.write(`${line}\n`);
      },
      signal: ctx.signal,
    }).catch((error: unknown) => {
      throw error instanceof BrowserUnavailable ? new UserError(error.message) : error;
    });
    await recordRun(pdfDir, results, engine, undefined);
    const outcome = outcomeOf(results);
    if (outcome.failed.length) {
      const lines = outcome.failed.map(failureLine).join('\n');
      if (outcome.exitCode === EXIT_BROWSER) throw new Error(`浏览器未能生成 PDF：\n${lines}`);
      throw new UserError(`PDF 未能生成，网站未发布：\n${lines}`);
    }
    for (const r of results) {
      if (r.entry) ctx.pdfs.set(r.job.source, { bytes: r.entry.bytes, pages: r.entry.pages });
      if (r.key) ctx.pdfKeys.add(r.key);
    }
    return outcome.summary;
  },
};
