// The build: checks the content, then runs every build step into a staging
// folder and swaps it into place only when all succeeded. Exit 1 when the
// content has errors: nothing is published then, and the previous output stays
// as it was. The output folder must be missing, empty or an earlier output
// (output-dir.ts): anything else is refused, never replaced.
//
// Across machines (a CI matrix): a shard builds every n-th report part of the
// site; a merge then builds the site with those parts, as if it had built
// them itself (same bytes).
import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import { failed } from '../checks/index.ts';
import { formatHuman } from '../cli/format-findings.ts';
import { progressLine, secondsSince } from '../cli/progress.ts';
import { EXIT } from '../cli/run.ts';
import type { Shard } from '../cli/shard.ts';
import { contentRoot, settings } from '../config.ts';
import { contentIndex, scanContent } from '../scan/scan.ts';
import type { EarlyScan } from '../scan/scan-pool.ts';
import { countReportFiles, LAYOUT } from '../source/content-root.ts';
import { syncDiskSource } from '../source/content-source.ts';
import { discardDir, publishDir } from './atomic-dir.ts';
import { stopChildren } from './child-processes.ts';
import { buildContext, type BuildContext, type BuildStep } from './context.ts';
import { markOutput } from './output-dir.ts';
import { checkPreviousOutput, startOutput, type CheckedOutput } from './reused-output.ts';
import { discardUnfinishedParts } from './part-builds.ts';
import { nextJobHandedOver, releaseWarmProcess, warmSiteProcess } from './site-process.ts';
import { exportShard, importShards } from './site-step.ts';
import { partSizeOf, planParts } from './site-parts.ts';
import { BUILD_STEPS, SHARD_STEPS } from './steps.ts';
import { inShard } from '../cli/shard.ts';
import { cacheFrom } from '../print/pdf/options.ts';

/** The exit code of a build stopped by Ctrl-C or SIGTERM (128 + SIGINT's number, as shells report it). */
const INTERRUPTED = 130;

export interface BuildOptions {
  /**
   * The output folder, as checkBuildTargets returned it: the command refuses
   * one that is not the build's to replace (and a site cache where parts
   * cannot be built) before anything is read or written (scripts/build.ts).
   */
  dest: string;
  shard: Shard | undefined;
  /** Folders of shard builds to take the site's parts from. */
  merge: readonly string[];
  /** The check's workers and the reports they were sized by, started before the build's code was loaded (scripts/build.ts); closed by the build. */
  early?: EarlyScan | undefined;
}

export async function build(options: BuildOptions): Promise<number> {
  try {
    return await checkedBuild(options);
  } finally {
    // Its worker would keep the process alive: closed however the build ends.
    await options.early?.pool.close();
  }
}

async function checkedBuild(options: BuildOptions): Promise<number> {
  const { dest } = options;
  const root = contentRoot();
  // Node and Astro load in it while the content is checked; ended below if no
  // part needs it. Not started for reports unchanged since the last build: the
  // parts most likely all come from the site cache, when there is one.
  const listing = options.early?.listing ?? (await syncDiskSource(root).list(LAYOUT.reports));
  const reportFiles = countReportFiles(listing.files);
  const siteAhead = !(options.early?.unchanged && settings().site.cache);
  if (siteAhead) warmSiteProcess(settings().site, settings().site.cacheDir, reportFiles);
  // With the check's worker (scan-pool.ts): the tests count both.
  const startedAhead = Number(siteAhead) + Number(options.early?.warm ?? false);
  // The output before the published one is checked while the content is: the
  // build starts from it (reused-output.ts). Not a shard's, which hands its
  // caches over, nor without a site cache (GONGKAI_SITE_CACHE=0). It walks
  // thousands of files on this thread, so it starts once the check has handed
  // its reports to the workers: after a one-report edit the two overlap.
  let dispatched = () => {};
  const checkHandedOver = new Promise<void>((resolve) => (dispatched = resolve));
  const previous =
    settings().site.cache && !options.shard ? checkHandedOver.then(() => checkPreviousOutput(dest)) : undefined;
  try {
    return await checkAndBuild(options, dest, root, previous, dispatched, startedAhead);
  } finally {
    releaseWarmProcess();
  }
}

async function checkAndBuild(
  options: BuildOptions,
  dest: string,
  root: string,
  previous: Promise<CheckedOutput | undefined> | undefined,
  dispatched: () => void,
  startedAhead: number,
): Promise<number> {
  const start = performance.now();
  const progress = progressLine('检查报告');
  const checks = await scanContent(root, {
    progress: progress.update,
    render: true,
    pool: options.early?.pool,
    listing: options.early?.listing,
    dispatched,
  });
  // Not waited for here: the pool ends once its worker has loaded (worker-pool.ts), and the build goes on.
  options.early?.pool.close().catch(() => {});
  progress.done();
  if (failed(checks)) {
    process.stderr.write(formatHuman(checks, process.cwd(), process.stderr.isTTY));
    process.stderr.write('内容有错误，未发布。请按上面的提示修改后重新运行 npm run build。\n');
    return EXIT.problems;
  }
  console.log(`✓ 检查 ${checks.reports} 份报告（${secondsSince(start)}）`);
  // For the benchmark: how long each step took (GONGKAI_BUILD_TIMINGS=<file>).
  const timings: { step: string; seconds: number; summary: string }[] = [
    { step: 'check', seconds: (performance.now() - start) / 1000, summary: `${checks.reports}` },
  ];

  const { dir: outDir, reused } = await startOutput(dest, previous);
  // Ctrl-C or a CI cancel: stop the site's part processes and the steps
  // writing into the staging folder, then drop the half-built output and
  // unfinished cached parts once nothing writes there; keep the previous output.
  const stop = new AbortController();
  const besides = besideSteps();
  let steps: Promise<number> = Promise.resolve(EXIT.ok);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop.abort();
      void stopChildren()
        .then(() => steps.catch(() => {}))
        .then(() => besides.settled())
        .then(() => Promise.all([discardDir(outDir), discardUnfinishedParts(settings().site.cacheDir)]))
        .finally(() => process.exit(INTERRUPTED));
    });
  }
  const ctx = buildContext({ contentRoot: root, content: contentIndex(checks), outDir, dest, signal: stop.signal });
  ctx.reused = reused?.(ctx.knownHashes);
  ctx.metrics['build.started-ahead'] = startedAhead;
  await markOutput(outDir);
  const pdfCache = settings().pdf.enabled ? cacheFrom(settings().pdf.cache)?.dir : undefined;
  if (options.shard) {
    // A shard's share: the reports of every n-th part of the site (the same split on every machine).
    const parts = planParts(
      ctx.content.reports.map((r) => ({ file: r.file, department: r.data.department })),
      partSizeOf(ctx.settings.site),
    );
    ctx.scope = new Set(inShard(parts, options.shard).flatMap((p) => p.files));
  }
  steps = runSteps({ options, ctx, besides, timings, pdfCache, start });
  return steps;
}

/** What the steps run with. */
interface StepRun {
  options: BuildOptions;
  ctx: BuildContext;
  besides: ReturnType<typeof besideSteps>;
  timings: { step: string; seconds: number; summary: string }[];
  pdfCache: string | undefined;
  /** When the build started (performance.now()). */
  start: number;
}

/** The build steps into the staging folder, then its publication; the staging folder is discarded on failure. */
async function runSteps({ options, ctx, besides, timings, pdfCache, start }: StepRun): Promise<number> {
  const { outDir, dest } = ctx;
  const { pauseAfter, buildTimingsFile } = settings();
  try {
    if (options.merge.length) {
      const n = await importShards(
        ctx.settings.site.cacheDir,
        options.merge.map((d) => resolve(d)),
        pdfCache,
      );
      console.log(`✓ 取用分片构建的 ${n.parts} 个网站部分和搜索索引分片${n.pdfs ? `、${n.pdfs} 份 PDF` : ''}`);
    }
    const list = options.shard ? SHARD_STEPS : BUILD_STEPS;
    let written = false;
    // Beside steps waiting for the step after them to hand its work to a process.
    let waiting: BuildStep[] = [];
    const startBesides = (when: Promise<unknown>) => {
      for (const step of waiting) besides.start(when.then(() => timed(step, () => step.run(ctx))));
      waiting = [];
    };
    const timed = async (step: BuildStep, run: () => Promise<string | void>) => {
      const t = performance.now();
      const summary = await run();
      timings.push({ step: step.name, seconds: (performance.now() - t) / 1000, summary: summary ?? '' });
      return `✓ ${step.title}${summary ? ` ${summary}` : ''}（${secondsSince(t)}）`;
    };
    for (const step of list) {
      ctx.signal.throwIfAborted();
      if (step.readsOutput && !written) {
        written = true;
        startBesides(Promise.resolve());
        await besides.finish();
        await removeStale(ctx);
      }
      const reason = step.skip?.(ctx);
      if (reason) {
        console.log(`－ ${step.title}：${reason}`);
        continue;
      }
      if (step.beside) {
        waiting.push(step);
        continue;
      }
      // A beside step starts once this step has handed its first job to a
      // process, or has finished (not when it failed): the site step's
      // planning has the main thread to itself, and the beside step's work
      // fills the time the step then waits for its processes.
      const handedOver = nextJobHandedOver();
      const running = timed(step, () => step.run(ctx));
      startBesides(Promise.race([handedOver, running]));
      console.log(await running);
      // A seam for the tests that interrupt a build halfway (never set in normal use).
      if (pauseAfter === step.name) {
        console.log(`（已暂停：${outDir}）`);
        await sleep(600_000, undefined, { signal: ctx.signal });
      }
    }
    startBesides(Promise.resolve());
    if (!written) await besides.finish();
    ctx.signal.throwIfAborted();
    if (options.shard) {
      console.log(`✓ ${await exportShard(ctx, options.shard, pdfCache)}`);
      await publishDir(outDir, dest);
      return EXIT.ok;
    }
    if (buildTimingsFile) await writeFile(buildTimingsFile, JSON.stringify({ steps: timings, metrics: ctx.metrics }));
    await publishDir(outDir, dest, ctx.outputRecord);
    console.log(`已发布到 ${dest}（共 ${secondsSince(start)}）`);
    return EXIT.ok;
  } catch (error) {
    // Nothing may still be writing into the folder that is removed.
    await besides.settled();
    await discardDir(outDir);
    // Interrupted: the signal handler ends the process.
    if (ctx.signal.aborted) return INTERRUPTED;
    throw error;
  }
}

/** What the previous output had and this build did not make: gone before any step reads the output. */
async function removeStale(ctx: BuildContext): Promise<void> {
  if (!ctx.reused) return;
  const t = performance.now();
  const removed = await ctx.reused.removeStale();
  const { unchanged } = ctx.reused;
  console.log(`✓ 沿用上次的输出：${unchanged} 个文件不变，移除 ${removed} 个（${secondsSince(t)}）`);
  Object.assign(ctx.metrics, { 'output.unchanged': unchanged, 'output.removed': removed });
}

/**
 * The steps running beside the others (BuildStep.beside): each one's log line
 * is printed when the build waits for them, in the order they started, so the
 * log reads the same however the steps overlapped.
 */
function besideSteps() {
  let running: Promise<string>[] = [];
  return {
    start(step: Promise<string>) {
      // Seen as handled now; the failure is thrown when the build waits.
      step.catch(() => {});
      running.push(step);
    },
    async finish() {
      const lines = await Promise.all(running);
      running = [];
      for (const line of lines) console.log(line);
    },
    async settled() {
      await Promise.allSettled(running);
    },
  };
}
