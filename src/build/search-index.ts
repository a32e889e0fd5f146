// The site's search index, in shards of its own rather than one per part of
// the render: report pages go to shards by a hash of their department (as
// parts do, site-parts.ts), and each shard is a Pagefind index cached under
// its pages' hashes. A one-report edit re-indexes one shard of about 64
// pages, where one index of a 1,000-report site took 9 s; the index is the
// same whatever the part size. The search page merges the shards, listed in
// pagefind/parts.json; there are at most 16, however large the site.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../lib/list-files.ts';
import { partOwns, type SitePart } from '../model/site-input.ts';
import { pageFile, reportPath } from '../model/urls.ts';
import type { BuildContext } from './context.ts';
import { buildAll, keep, markComplete, mergePart, reportsShown, siteJobs } from './part-builds.ts';
import { runSiteProcess } from './site-process.ts';
import { buildingDir, cachedPart, partKey, partSums } from './part-cache.ts';
import { hashFiles, readManifest } from './sha256sums.ts';
import { searchIndexDir, type IndexShardJob } from './site-part.ts';
import { partTimeoutOf, planParts } from './site-parts.ts';

/**
 * Reports per shard, on average, while there are fewer than MAX_INDEX_SHARDS
 * (GONGKAI_INDEX_SHARD_SIZE sets another). Pagefind takes about 13 ms a page
 * on one core: re-indexing a shard of 64 takes about a second.
 */
export const INDEX_SHARD_SIZE = 64;
/** The search page loads every shard's entry file, so their number is bounded; past it shards grow. */
export const MAX_INDEX_SHARDS = 16;

export interface IndexShard {
  /** “p3”: names its folder, pagefind/p3/. */
  id: string;
  /** The reports whose web pages it indexes (content-root relative, sorted). */
  files: string[];
  /** Their pages in the site (reports/2023/kgxj/index.html), in the same order. */
  pages: string[];
}

export function planIndexShards(
  reports: readonly { file: string; year: number; department: string }[],
  shardSize = INDEX_SHARD_SIZE,
): IndexShard[] {
  const size = Math.max(shardSize, Math.ceil(reports.length / MAX_INDEX_SHARDS));
  const pageOf = new Map(reports.map((r) => [r.file, pageFile(reportPath(r.year, r.department))]));
  return planParts(reports, size).map(({ id, files }) => ({
    id,
    files,
    pages: files.map((f) => pageOf.get(f) as string),
  }));
}

/** “搜索索引分片 p3（125 份报告：reports/2023/a.mdx、…）”, for messages. */
const describeShards = (shards: readonly IndexShard[]) =>
  `搜索索引分片 ${shards.map((s) => s.id).join('、')}（${reportsShown(shards.flatMap((s) => s.files))}）`;

interface PlannedShard {
  shard: IndexShard;
  /** Where each of its pages is, in the built parts. */
  sources: string[];
  key: string;
}

/** A built part of the site: its folder in the cache, and what it makes. */
export interface BuiltPart {
  dir: string;
  kind: SitePart;
}

/** Where each report page is among the built parts, with its SHA-256 (kept with the part). */
async function reportPageSources(
  parts: readonly BuiltPart[],
  pages: ReadonlySet<string>,
): Promise<Map<string, { from: string; hash: string }>> {
  const sources = new Map<string, { from: string; hash: string }>();
  for (const { dir, kind } of parts) {
    if (kind !== 'web' && kind !== 'reports') continue;
    // Every built part keeps its files' hashes (markComplete); its key names the code that built it.
    const sums = (await readManifest(partSums(dir))).hashes;
    for (const [file, hash] of sums)
      if (pages.has(file) && partOwns(kind, file)) sources.set(file, { from: join(dir, file), hash });
  }
  return sources;
}

/**
 * Indexes the report pages of the built parts, shard by shard, while the
 * parts are merged into the staging folder: shards found in the site cache
 * are copied, the others built, the shards spread over the build's
 * processes. A shard machine (--shard) indexes only the shards wholly in its
 * share; the machine that merges does the rest. Returns the shards' folders
 * for pagefind/parts.json.
 */
export async function buildSearchIndex(
  ctx: BuildContext,
  cacheDir: string,
  parts: readonly BuiltPart[],
  progress: (done: number, total: number) => void,
): Promise<{ dirs: string[]; built: number }> {
  const reports = ctx.content.reports.map(({ file, data }) => ({ file, year: data.year, department: data.department }));
  const shards = planIndexShards(reports, ctx.settings.site.indexShardSize).filter(
    (s) => !ctx.scope || s.files.every((f) => ctx.scope?.has(f)),
  );
  const sources = await reportPageSources(parts, new Set(shards.flatMap((s) => s.pages)));
  const planned: PlannedShard[] = [];
  for (const shard of shards) {
    const found = shard.pages.map((page) => {
      const source = sources.get(page);
      if (!source) throw new Error(`搜索索引：网站各部分中没有报告页 ${page}`);
      return source;
    });
    const hashes = shard.pages.map((page, i) => [page, found[i]?.hash] as const);
    planned.push({
      shard,
      sources: found.map((f) => f.from),
      key: await partKey(`index ${shard.id}`, JSON.stringify(hashes)),
    });
  }
  const ready = new Map<string, string>();
  const todo: PlannedShard[] = [];
  for (const p of planned) {
    const hit = ctx.settings.site.cache ? await cachedPart(cacheDir, p.key) : undefined;
    if (hit) ready.set(p.key, hit);
    else todo.push(p);
  }
  // One process per lane, each indexing its shards one after another: a
  // process per shard would start Node and Pagefind 16 times.
  const jobs = siteJobs(ctx);
  const lanes = Array.from({ length: Math.min(jobs, todo.length) }, (_, i) => todo.filter((_, j) => j % jobs === i));
  let done = 0;
  await buildAll(lanes, jobs, async (lane) => {
    const temps = lane.map((p) => buildingDir(cacheDir, p.key));
    await Promise.all(temps.map((t) => rm(t, { recursive: true, force: true })));
    try {
      const job: IndexShardJob[] = lane.map((p, i) => ({
        id: p.shard.id,
        pages: p.shard.pages,
        sources: p.sources,
        outDir: temps[i] as string,
      }));
      const pages = lane.reduce((n, p) => n + p.shard.pages.length, 0);
      await runSiteProcess(
        { step: 'index', shards: job },
        {
          what: describeShards(lane.map((p) => p.shard)),
          doing: '建立',
          heapMb: undefined,
          seconds: partTimeoutOf(ctx.settings.site, pages),
        },
      );
      for (const [i, p] of lane.entries()) {
        const temp = temps[i] as string;
        await markComplete(temp, await hashFiles(temp, await listFiles(temp)));
        ready.set(p.key, await keep(cacheDir, p.key, temp));
        progress(++done, todo.length);
      }
    } catch (error) {
      // The shards' folders, and the folders of pages their process was reading.
      await Promise.all(temps.flatMap((t) => [t, `${t}.astro`]).map((d) => rm(d, { recursive: true, force: true })));
      throw error;
    }
  });
  for (const p of planned) {
    await mergePart(ready.get(p.key) as string, ctx.outDir, 'all', ctx.knownHashes, {
      signal: ctx.signal,
      reused: ctx.reused,
    });
    ctx.usedParts.add(p.key);
  }
  return { dirs: shards.map((s) => `/${searchIndexDir(s.id)}/`), built: todo.length };
}
