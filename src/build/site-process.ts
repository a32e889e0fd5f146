// The processes of the site build (scripts/site-part.ts): a part's render, or
// search index shards, each a process group of its own within its time and
// memory limits. One process may be started before there is a job for it
// (warmSiteProcess): Node and Astro load, about a second, while the build
// checks the content and plans the parts, and the first render (after a
// one-report edit, the only one) starts at once. When that render will most
// likely use a part's kept renderer (kept-renderer.ts), it needs no Astro:
// the process loads that renderer instead (Astro would take a core the check
// needs), and takes no job but that renderer's and the search index's.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { UserError } from '../cli/run.ts';
import { PROJECT_ROOT, type Settings } from '../config.ts';
import { killGroup, spawnGroup } from './child-processes.ts';
import type { PartJob } from './site-part.ts';
import { likelyRenderer } from './kept-renderer.ts';
import { firstPatchedOf, heapOf } from './site-parts.ts';

/** What a process of the site build is and may use: its limits, and what to call it in messages. */
export interface ProcessLimits {
  /** “网站部分 p3（…）”: what the process works on. */
  what: string;
  /** “生成”: what it does to it. */
  doing: string;
  heapMb: number | undefined;
  seconds: number;
}

const OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit/;
/** The end of a process's error output is what explains a failure; it is not kept whole. */
const STDERR_KEPT = 64 * 1024;

/** What a process started ahead loads while it waits: Astro, or a kept renderer (its folder). */
type Preload = { astro: true } | { renderer: string };

interface SiteProcess {
  child: ChildProcess;
  heapMb: number | undefined;
  preload: Preload | undefined;
  stderr: () => string;
  /** Its end: how it exited, or why it could not start. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null } | { error: Error }>;
}

/** `shownAs` is the folder it writes to (or will), for `ps` to show: the job itself comes on standard input. */
function startProcess(heapMb: number | undefined, shownAs: string, preload?: Preload): SiteProcess {
  const child = spawnGroup(
    process.execPath,
    [
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      join(PROJECT_ROOT, 'scripts/site-part.ts'),
      shownAs,
      ...(!preload ? [] : 'astro' in preload ? ['--warm'] : [`--warm-renderer=${preload.renderer}`]),
    ],
    // Astro keeps a part's server build in its output folder only when that is
    // under the working directory (else in ./.astro, where parts would share
    // it): the part runs in the project, which holds the site cache.
    { stdio: ['pipe', 'ignore', 'pipe'], cwd: PROJECT_ROOT },
  );
  child.stdin?.on('error', () => {}); // a process that died at once: its exit says why
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-STDERR_KEPT)));
  const ended = new Promise<Awaited<SiteProcess['ended']>>((resolve) => {
    child.on('error', (error) => resolve({ error }));
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { child, heapMb, preload, stderr: () => stderr, ended };
}

let spare: SiteProcess | undefined;
/** Where the process started ahead would write, for `ps`. */
let warmFolder = '';
/**
 * Started when a render takes the process started ahead, for the search index
 * that follows it: loading Node and the build's code (about 0.3 s) happens
 * while the render runs, not after it.
 */
let spareForIndex: SiteProcess | undefined;

/**
 * Starts a process ahead of its job, for a site of about `reports` reports,
 * with the heap of the part a rebuild after an edit patches (its renders have
 * that part's heap, part-patch.ts). A job with another heap starts its own;
 * the search index takes it whatever its heap (its process holds little:
 * Pagefind runs in a program of its own).
 */
export function warmSiteProcess(site: Settings['site'], cacheDir: string, reports: number): void {
  warmFolder = join(cacheDir, '.warm');
  // Without a site cache (GONGKAI_SITE_CACHE=0) no kept renderer is used: every part is an astro build.
  const renderer = site.cache ? likelyRenderer(cacheDir) : undefined;
  spare ??= startProcess(
    heapOf(firstPatchedOf(site, reports), site),
    warmFolder,
    renderer ? { renderer } : { astro: true },
  );
}

/** Stops the processes started ahead that no job took (the build ends). */
export function releaseWarmProcess(): void {
  for (const p of [spare, spareForIndex]) if (p) killGroup(p.child);
  spare = spareForIndex = undefined;
}

/** A process that loaded one renderer renders with no other, nor runs an `astro build`: two bundles of Astro in one process could share its globals. */
const fits = (preload: Preload | undefined, job: PartJob) =>
  !preload || 'astro' in preload || (job.step === 'render-kept' && job.rendererDir === preload.renderer);

const ended = (p: SiteProcess) => p.child.exitCode !== null || p.child.signalCode !== null;

function processFor(job: PartJob, heapMb: number | undefined): SiteProcess {
  const ready = spare;
  // One that ended while it waited (it could not load Astro) is not handed a job: a new one says why.
  if (ready && !ended(ready) && (job.step === 'index' || (ready.heapMb === heapMb && fits(ready.preload, job)))) {
    spare = undefined;
    if (job.step !== 'index') spareForIndex ??= startProcess(undefined, `${warmFolder}-index`);
    return ready;
  }
  if (job.step === 'index' && spareForIndex && !ended(spareForIndex)) {
    const forIndex = spareForIndex;
    spareForIndex = undefined;
    return forIndex;
  }
  return startProcess(heapMb, job.step === 'index' ? (job.shards[0]?.outDir ?? '') : job.outDir);
}

const awaitingJob: (() => void)[] = [];

/** Resolves when the next job is handed to a process of the site build: from then on the build mostly waits for it. */
export const nextJobHandedOver = (): Promise<void> => new Promise((resolve) => awaitingJob.push(resolve));

/** Runs one process of the site build (a part's render, or search index shards) within its limits; rejects with a UserError past them. */
export async function runSiteProcess(job: PartJob, { what, doing, heapMb, seconds }: ProcessLimits): Promise<void> {
  const p = processFor(job, heapMb);
  // The job on standard input: a search index job names thousands of pages, too long for an argument.
  p.child.stdin?.end(JSON.stringify(job));
  for (const handedOver of awaitingJob.splice(0)) handedOver();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(p.child);
  }, seconds * 1000);
  const end = await p.ended;
  clearTimeout(timer);
  if ('error' in end) throw end.error;
  if (end.code === 0) return;
  const stderr = p.stderr();
  if (timedOut)
    throw new UserError(
      `${what}${doing}超过 ${seconds} 秒，已停止，网站未发布。` +
        '这些报告中可能有异常庞大或复杂的内容，也可能是机器过忙：请检查这些报告后重新运行；' +
        '如确实需要更长时间，可设置 GONGKAI_PART_TIMEOUT_S=<秒数>。',
    );
  if (OUT_OF_MEMORY.test(stderr)) {
    const limit = p.heapMb;
    throw new UserError(
      `${what}${doing}所需内存超过上限（${limit ? `${limit} MB` : 'Node 的默认上限'}），已停止，网站未发布。` +
        '这些报告中可能有异常庞大的内容：请检查这些报告后重新运行；' +
        `如确实需要更多内存，可设置 ${limit ? 'GONGKAI_PART_HEAP_MB' : 'NODE_OPTIONS=--max-old-space-size'}=<兆字节>。`,
    );
  }
  throw new Error(
    `${what}${doing}失败（${end.code === null ? `信号 ${end.signal}` : `退出码 ${end.code}`}）：\n${stderr.trim()}`,
  );
}
