// Building the site's parts: each part is rendered in a process of its own
// (site-process.ts), within time and memory limits, into the site cache under
// a key of everything that went into it (the code and the part's site input).
// The first part a build makes is an `astro build`; the parts after it are
// rendered with the bundle it kept (renderWholeWithKept), and a part changed by
// one edit is patched from its previous build (part-patch.ts). Used by the
// print step and the site step; a part's files are then merged into the
// staging folder, each part contributing what it owns (partOwns in
// src/model/site-input.ts).
import { availableParallelism } from 'node:os';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../cli/run.ts';
import type { Settings } from '../config.ts';
import { fileStamp } from '../lib/file-stamp.ts';
import { linkOrCopyAll } from '../lib/link-or-copy.ts';
import { listFiles } from '../lib/list-files.ts';
import { mapLimited } from '../lib/map-limited.ts';
import { partOwns, SHARED_OUTPUT, type InputReport, type SiteInput, type SitePart } from '../model/site-input.ts';
import { sourceRevision } from '../model/revision.ts';
import type { Department } from '../schema/department.ts';
import type { Site } from '../schema/site.ts';
import { stopChildren } from './child-processes.ts';
import type { BuildContext } from './context.ts';
import {
  buildingDir,
  cachedPart,
  completeMarker,
  openSiteCache,
  partSums,
  planDir,
  partKey,
  removeTemporary,
} from './part-cache.ts';
import { formatManifest, hashFiles, readManifest, type KnownHashes } from './sha256sums.ts';
import type { ReusedOutput } from './reused-output.ts';
import { findBase, partDigest, patchPart, writeDigest, type PartDigest } from './part-patch.ts';
import {
  adoptRenderer,
  dropRenderer,
  linkRenderer,
  rendererAssets,
  rendererFor,
  rendererKey,
  rendererOf,
  rendersWhole,
  type KeptRenderJob,
} from './kept-renderer.ts';
import type { RenderJob } from './site-part.ts';
import { runSiteProcess } from './site-process.ts';
import { CATALOG_BESIDE_PARTS_UP_TO, heapOf, partTimeoutOf } from './site-parts.ts';

export interface PlannedBuild {
  job: Omit<RenderJob, 'outDir' | 'step' | 'astroRoot'>;
  key: string;
  /** The reports in the part (content-root relative): the catalogue has every report's figures. */
  files: readonly string[];
  /** What it is built from, in digests, when it can be patched from a previous build (part-patch.ts). */
  digest?: PartDigest;
  /** Writes the input file the job names, before the part is rendered whole (planBuild). */
  writeInput?: () => Promise<void>;
}

/** “网站部分 p3（12 份报告：reports/2023/kgxj.mdx、… ）”, for messages. */
export function describePart({ job, files }: PlannedBuild): string {
  if (job.kind === 'catalog') return `网站目录部分（首页、年度页、开放数据等，含全部 ${files.length} 份报告的数字）`;
  const what = job.kind === 'print' ? '打印页部分' : '网站部分';
  return `${what} ${job.id}（${reportsShown(files)}）`;
}

/** “12 份报告：reports/2023/a.mdx、… …”: how many, and the first few by name. */
export const reportsShown = (files: readonly string[]) =>
  `${files.length} 份报告：${files.slice(0, 3).join('、')}${files.length > 3 ? ' …' : ''}`;

/**
 * Renders one part into `outDir` within its time and memory limits; `of`,
 * the part whose limits apply (a patch renders some pages of a part within
 * that part's heap); with `kept`, only the wanted pages, with a part's kept
 * renderer (kept-renderer.ts) instead of an `astro build`.
 */
export function renderPart(
  b: PlannedBuild,
  outDir: string,
  site: Settings['site'],
  of: SitePart = b.job.kind,
  kept?: Pick<KeptRenderJob, 'rendererDir' | 'wanted'>,
): Promise<void> {
  // Astro writes .astro/ and its caches under its root: one beside the part's output, never shared.
  const job: RenderJob | KeptRenderJob = kept
    ? { ...kept, step: 'render-kept', inputFile: b.job.inputFile, outDir }
    : { ...b.job, step: 'render', outDir, astroRoot: `${outDir}.astro` };
  return runSiteProcess(job, {
    what: describePart(b),
    doing: '生成',
    heapMb: heapOf(of, site),
    seconds: partTimeoutOf(site, b.files.length),
  });
}

const inputFileOf = (scratch: string, id: string) => join(scratch, `${id}.json`);

/** Writes a part's site input; the part is cached by it (and the code version). */
export async function writeInput(
  scratch: string,
  id: string,
  input: SiteInput,
): Promise<{ file: string; json: string }> {
  const json = JSON.stringify(input);
  const file = inputFileOf(scratch, id);
  await writeFile(file, json);
  return { file, json };
}

/**
 * A part as planned: its key, and the input its render reads. A part that can
 * be patched (part-patch.ts) is keyed by its digest, which hashes every report
 * and department of the input, in order; its input is written only if it is
 * rendered whole. After a one-report edit the part is patched, and writing a
 * 1,000-report input with every body took about 0.3 s before each patch. The
 * catalogue is keyed by its input itself.
 */
export async function planBuild(
  scratch: string,
  job: { kind: SitePart; id: string },
  keyKind: string,
  input: SiteInput,
  files: readonly string[],
  { patchable }: { patchable: boolean },
): Promise<PlannedBuild> {
  if (!patchable) {
    const { file, json } = await writeInput(scratch, job.id, input);
    return { job: { ...job, inputFile: file }, key: await partKey(keyKind, json), files };
  }
  const inputFile = inputFileOf(scratch, job.id);
  const digest = await partDigest(input, job.id);
  const order = [input.reports.map((r) => r.file), input.departments.map((d) => d.id)];
  return {
    job: { ...job, inputFile },
    key: await partKey(keyKind, JSON.stringify({ digest, order })),
    files,
    digest,
    writeInput: async () => {
      await writeInput(scratch, job.id, input);
    },
  };
}

/** The catalogue's reports: every report's figures, never a body. */
export const catalogueReports = (ctx: BuildContext): InputReport[] =>
  ctx.content.reports.map(({ file, data }) => ({ file, data }));

/** Parts that make report web pages, which alone show a report's history and source version (版本记录). */
const SHOWS_SOURCE: ReadonlySet<SitePart> = new Set(['all', 'web', 'reports']);

/** A report's 版本记录: the commits that changed it and the version of its file the page shows. */
function sourceOf(ctx: BuildContext, r: InputReport): Pick<InputReport, 'history' | 'revision'> {
  const history = [...(ctx.history.get(r.file) ?? [])];
  const changed = ctx.changed.has(r.file) || (r.media ?? []).some((m) => ctx.changed.has(m.path));
  return { history, revision: sourceRevision(ctx.revision, history, changed) };
}

/** A part's site input: the site, its departments and reports, each report with its PDF and, on report pages, its history. */
export function inputFor(
  ctx: BuildContext,
  part: SitePart,
  reports: readonly InputReport[],
  departments: readonly Department[],
): SiteInput {
  if (!ctx.content.site) throw new Error('site.yaml 未通过检查，不能生成网站');
  return {
    part,
    // Without a print step (no PDFs to make) the web parts make the print pages themselves.
    ...(!ctx.printed && (part === 'web' || part === 'reports') ? { printPages: true } : {}),
    site: ctx.content.site as Site,
    departments: [...departments],
    reports: reports.map((r) => {
      const pdf = ctx.pdfs.get(r.file);
      return { ...r, ...(SHOWS_SOURCE.has(part) ? sourceOf(ctx, r) : {}), ...(pdf ? { pdf } : {}) };
    }),
  };
}

/** The files a part wrote (its dot-files are the cache's: the markers, the hashes, the kept renderer). */
export const partFiles = async (dir: string) => (await listFiles(dir)).filter((f) => !f.startsWith('.'));

/**
 * Copies the files a part owns into the site; shared assets must agree
 * between parts. The hashes the part keeps go into `known`, for SHA256SUMS.
 */
export async function mergePart(
  from: string,
  outDir: string,
  kind: SitePart,
  known: KnownHashes,
  {
    printPages = false,
    signal,
    reused,
  }: { printPages?: boolean; signal?: AbortSignal; reused?: ReusedOutput | undefined } = {},
): Promise<void> {
  const made = new Set<string>();
  const files = (await partFiles(from)).filter((f) => partOwns(kind, f, printPages));
  // A part cached before parts kept their hashes has none: its files are hashed with the rest.
  const sums = await readManifest(partSums(from)).then(
    (m) => m.hashes,
    () => new Map<string, string>(),
  );
  await mapLimited(
    files,
    64,
    async (file) => {
      const dest = join(outDir, file);
      const hash = sums.get(file);
      if (SHARED_OUTPUT.test(file)) {
        // In an output started from the previous one, a file there is another part's only once this build made it.
        const existing = !reused || reused.made(file) ? await readFile(dest).catch(() => undefined) : undefined;
        if (existing) {
          if (!existing.equals(await readFile(join(from, file))))
            throw new Error(`网站各部分的共用资源 ${file} 不一致，无法合并`);
          return;
        }
      }
      if (hash && reused?.keep(file, hash)) return;
      const dir = dirname(dest);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      await copyFile(join(from, file), dest);
      reused?.wrote(file);
      if (hash) known.set(file, { hash, stamp: (await fileStamp(dest)).id });
    },
    signal,
  );
}

/** How many processes of the site build run at a time (GONGKAI_SITE_JOBS; two, or fewer on fewer cores). */
export const siteJobs = (ctx: BuildContext) =>
  Math.max(1, Math.min(ctx.settings.site.jobs ?? 2, availableParallelism()));

/** “新构建 2，其中 1 个只重新生成改动的单位”: the parts built, and how many of them were patched. */
export const builtSummary = (built: number, timing: Timing) =>
  `新构建 ${built}${timing.patched ? `，其中 ${timing.patched} 个只重新生成改动的单位` : ''}`;

export interface Timing {
  /** Seconds of the parts' render processes, summed (two run at a time). */
  render: number;
  /** Parts made from a previous build of theirs, rendering only what changed. */
  patched: number;
  /** Of those, the ones whose pages the previous build's kept renderer rendered, without an `astro build`. */
  kept: number;
  /** Parts rendered whole with a kept renderer of the same code and site settings (renderWholeWithKept). */
  shared: number;
}

/**
 * Runs `build` over the items, `jobs` at a time. On the first failure the
 * parts still running are stopped and no new one starts; it is thrown once
 * every started part has finished cleaning up.
 */
export async function buildAll<T>(items: readonly T[], jobs: number, build: (item: T) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++] as T;
      try {
        await build(item);
      } catch (error) {
        if (failure) continue;
        failure = { error };
        void stopChildren();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, lane));
  if (failure) throw failure.error;
}

/** Marks a part built in `temp` complete, with its files' hashes (SHA256SUMS format); then it may be kept. */
export async function markComplete(temp: string, sums: Map<string, string>): Promise<void> {
  await writeFile(partSums(temp), formatManifest(sums));
  await writeFile(completeMarker(temp), '');
}

/**
 * Puts a finished part in its place in the cache. Another build may have put
 * the same part there meanwhile (the key is its content): then that one is
 * kept and this one dropped, so a build reading it is never pulled from under.
 */
export async function keep(cacheDir: string, key: string, temp: string): Promise<string> {
  const final = join(cacheDir, key);
  if (await cachedPart(cacheDir, key)) {
    await rm(temp, { recursive: true, force: true });
    return final;
  }
  await rm(final, { recursive: true, force: true }); // an unfinished leftover
  try {
    await rename(temp, final);
  } catch (error) {
    if (!(await cachedPart(cacheDir, key))) throw error;
    await rm(temp, { recursive: true, force: true });
  }
  return final;
}

/**
 * Renders with a kept renderer (`kept`: its folder, and the pages wanted; all
 * of them without). False when the renderer fails: it is dropped (the `astro
 * build` that takes over makes a sound one) and `outDir` cleared. Past its
 * limits the content is at fault, and an `astro build` would fail the same
 * way: that is thrown.
 */
export async function renderedWithKept(
  ctx: BuildContext,
  b: PlannedBuild,
  outDir: string,
  of: SitePart,
  kept: Pick<KeptRenderJob, 'rendererDir' | 'wanted'>,
): Promise<boolean> {
  try {
    await renderPart(b, outDir, ctx.settings.site, of, kept);
    return true;
  } catch (error) {
    if (error instanceof UserError) throw error;
    dropRenderer(kept.rendererDir);
    // For whoever looks into the parts' logs (GONGKAI_ASTRO_LOG): why the part took longer.
    if (ctx.settings.site.astroLog !== 'error' && ctx.settings.site.astroLog !== 'silent')
      process.stderr.write(`保留的打包不能用，改为 astro build：${String(error)}\n`);
    await rm(outDir, { recursive: true, force: true });
    return false;
  }
}

/**
 * Renders the part `b` whole into `temp` with a kept renderer of the same code
 * and site settings (rendererKey): one a part of this build made before it, or
 * one from an earlier build in the cache. No `astro build` (Astro's start and
 * Vite's bundling, about 3–4 CPU-s a part): the bundle is the code and the
 * config alone (kept-renderer.ts), and the pages read their part's input at
 * run time; Astro's client assets (`_astro/`, the same in every part, as
 * mergePart checks) come with the renderer. False when the renderer fails.
 */
async function renderWholeWithKept(ctx: BuildContext, b: PlannedBuild, temp: string, renderer: string) {
  if (!(await renderedWithKept(ctx, b, temp, b.job.kind, { rendererDir: renderer }))) return false;
  const assets = rendererAssets(renderer);
  linkOrCopyAll((await listFiles(assets)).map((f) => [join(assets, f), join(temp, f)] as const));
  linkRenderer(temp, renderer);
  return true;
}

/**
 * Builds the parts the cache does not have, two at a time, each into the
 * cache: the first by `astro build`, the rest with its renderer.
 */
export async function buildMissing(
  ctx: BuildContext,
  builds: readonly PlannedBuild[],
  cacheDir: string,
  timing: Timing,
  progress: (done: number, total: number) => void,
): Promise<{ ready: Map<string, string>; built: number }> {
  const todo: PlannedBuild[] = [];
  const ready = new Map<string, string>();
  for (const b of builds) {
    const hit = ctx.settings.site.cache ? await cachedPart(cacheDir, b.key) : undefined;
    if (hit) ready.set(b.key, hit);
    else todo.push(b);
  }
  const jobs = siteJobs(ctx);
  const since = (t: number) => (performance.now() - t) / 1000;
  let done = 0;
  const key = ctx.content.site ? await rendererKey(ctx.content.site) : undefined;
  // With the cache off, every part is made by this build: the first by `astro build`.
  let renderer = ctx.settings.site.cache && key ? rendererFor(cacheDir, key) : undefined;
  let rendererFailed = false;
  const build = async (b: PlannedBuild) => {
    const temp = buildingDir(cacheDir, b.key);
    // Astro's generated files, and a patch's renders: removed when the part is done.
    const work = `${temp}.astro`;
    const clear = () => Promise.all([temp, work].map((d) => rm(d, { recursive: true, force: true })));
    await clear();
    try {
      const t = performance.now();
      const { digest } = b;
      const base = ctx.settings.site.cache && digest ? await findBase(cacheDir, digest) : undefined;
      let sums = base && digest ? await patchPart(ctx, { ...b, digest }, base, temp, work, timing) : undefined;
      if (sums) timing.patched++;
      else {
        await clear();
        await b.writeInput?.();
        const kept = rendererFailed ? undefined : renderer;
        if (kept && (await renderWholeWithKept(ctx, b, temp, kept))) timing.shared++;
        else {
          if (kept) rendererFailed = true;
          await renderPart(b, temp, ctx.settings.site);
          adoptRenderer(cacheDir, temp, key);
        }
        sums = await hashFiles(temp, await partFiles(temp));
      }
      timing.render += since(t);
      if (digest) await writeDigest(temp, digest);
      await markComplete(temp, sums);
    } catch (error) {
      // Whatever a failed part wrote (it may be anything its input made Vite emit) is not kept.
      await clear();
      throw error;
    }
    await rm(work, { recursive: true, force: true });
    const dir = await keep(cacheDir, b.key, temp);
    ready.set(b.key, dir);
    // The first part made renders the parts after it.
    const made = renderer ? undefined : rendererOf(dir);
    if (made && rendersWhole(made)) renderer = made;
    progress(++done, todo.length);
  };
  // The catalogue grows with the site: past a size it runs alone (see parts.ts).
  if (ctx.content.reports.length <= CATALOG_BESIDE_PARTS_UP_TO) await buildAll(todo, jobs, build);
  else {
    await buildAll(
      todo.filter((b) => b.job.kind === 'catalog'),
      1,
      build,
    );
    await buildAll(
      todo.filter((b) => b.job.kind !== 'catalog'),
      jobs,
      build,
    );
  }
  return { ready, built: todo.length };
}

/** Plans a phase's parts in a scratch folder of this build (their site inputs), and builds with them. */
export async function withPlan<P, T>(
  ctx: BuildContext,
  plan: (scratch: string) => Promise<P>,
  use: (planned: P, cacheDir: string) => Promise<T>,
): Promise<T> {
  const cacheDir = await openSiteCache(ctx.settings.site.cacheDir);
  // Left by killed builds; or this process's, when its id was a killed build's before.
  await removeTemporary(cacheDir, { own: true });
  const scratch = planDir(cacheDir);
  await mkdir(scratch);
  try {
    return await use(await plan(scratch), cacheDir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** For a build that is interrupted: removes its unfinished parts (and their inputs) from the cache. */
export async function discardUnfinishedParts(cacheDir: string): Promise<void> {
  await removeTemporary(cacheDir, { own: true });
}
