// The website. Small sites are one `astro build`; larger ones are built in
// parts (see parts.ts): the catalogue, and report parts of a few hundred
// reports each, every part in a process of its own, two at a time, so memory
// stays bounded however many reports there are. Parts are cached by content
// hash and merged into the staging folder; each report part brings its own
// search index, listed in pagefind/parts.json for the search page.
import { availableParallelism } from 'node:os';
import { copyFile, cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimited } from '../lib/map-limited.ts';
import type { InputReport, SiteInput, SitePart } from '../model/site-input.ts';
import type { Department } from '../schema/department.ts';
import type { Site } from '../schema/site.ts';
import { UserError } from '../cli/run.ts';
import { copyMedia } from './media.ts';
import { listFiles } from '../lib/list-files.ts';
import { cacheDirFor, PROJECT_ROOT, type Settings } from '../config.ts';
import { progressLine } from '../cli/progress.ts';
import { inShard, type Shard } from '../cli/shard.ts';
import {
  buildingDir,
  cachedPart,
  completeMarker,
  partKey,
  planDir,
  pruneParts,
  removeTemporary,
} from './part-cache.ts';
import { killGroup, spawnGroup, stopChildren } from './child-processes.ts';
import { searchIndexDir, type PartJob } from './site-part.ts';
import {
  allHeapOf,
  CATALOG_BESIDE_PARTS_UP_TO,
  partHeapOf,
  partSizeOf,
  partTimeoutOf,
  planParts,
  type PartPlan,
} from './site-parts.ts';
import type { BuildContext, BuildStep } from './context.ts';

/** What a report part contributes to the merged site; everything else comes from the catalogue. */
const REPORT_OWNED = /^(reports\/|departments\/[^/]+\/|data\/\d{4}\/|pagefind\/p\d+\/)/;
/** Hashed assets: every part has the same ones. */
const SHARED = /^_astro\//;

interface PlannedBuild {
  job: Omit<PartJob, 'outDir' | 'step'>;
  key: string;
  /** The reports in the part (content-root relative): the catalogue has every report's figures. */
  files: readonly string[];
}

/** “网站部分 p3（12 份报告：reports/2023/kgxj.mdx、… ）”, for messages. */
function describePart({ job, files }: PlannedBuild): string {
  if (job.kind === 'catalog') return `网站目录部分（首页、年度页、开放数据等，含全部 ${files.length} 份报告的数字）`;
  const shown = files.slice(0, 3).join('、');
  return `网站部分 ${job.id}（${files.length} 份报告：${shown}${files.length > 3 ? ' …' : ''}）`;
}

const OUT_OF_MEMORY = /JavaScript heap out of memory|Reached heap limit/;
/** The end of a part's error output is what explains a failure; it is not kept whole. */
const STDERR_KEPT = 64 * 1024;

/** The V8 heap cap of a part's process (MB); the catalogue, which grows with the site, has none. */
function heapOf(kind: SitePart, step: PartJob['step'], site: Settings['site']): number | undefined {
  if (step !== 'render') return undefined;
  if (kind === 'reports') return partHeapOf(site);
  if (kind === 'all') return allHeapOf(site);
  return undefined;
}

/** Runs one process of a part within its time and memory limits; rejects with a UserError past them. */
function runPart(b: PlannedBuild, step: PartJob['step'], outDir: string, site: Settings['site']): Promise<void> {
  const { job, files } = b;
  const heap = heapOf(job.kind, step, site);
  const seconds = partTimeoutOf(site, files.length);
  const doing = step === 'render' ? '生成' : '建立搜索索引';
  return new Promise((resolve, reject) => {
    const child = spawnGroup(
      process.execPath,
      [
        ...(heap ? [`--max-old-space-size=${heap}`] : []),
        join(PROJECT_ROOT, 'scripts/site-part.ts'),
        JSON.stringify({ ...job, step, outDir } satisfies PartJob),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, seconds * 1000);
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-STDERR_KEPT)));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else if (timedOut)
        reject(
          new UserError(
            `${describePart(b)}${doing}超过 ${seconds} 秒，已停止，网站未发布。` +
              '这些报告中可能有异常庞大或复杂的内容，也可能是机器过忙：请检查这些报告后重新运行；' +
              '如确实需要更长时间，可设置 GONGKAI_PART_TIMEOUT_S=<秒数>。',
          ),
        );
      else if (OUT_OF_MEMORY.test(stderr))
        reject(
          new UserError(
            `${describePart(b)}${doing}所需内存超过上限（${heap ? `${heap} MB` : 'Node 的默认上限'}），已停止，网站未发布。` +
              '这些报告中可能有异常庞大的内容：请检查这些报告后重新运行；' +
              `如确实需要更多内存，可设置 ${heap ? 'GONGKAI_PART_HEAP_MB' : 'NODE_OPTIONS=--max-old-space-size'}=<兆字节>。`,
          ),
        );
      else
        reject(
          new Error(
            `网站部分 ${job.id}（${step}）构建失败（${code === null ? `信号 ${signal}` : `退出码 ${code}`}）：\n${stderr.trim()}`,
          ),
        );
    });
  });
}

/** Writes a part's site input; the part is cached by it (and the code version). */
async function writeInput(scratch: string, id: string, input: SiteInput): Promise<{ file: string; json: string }> {
  const json = JSON.stringify(input);
  const file = join(scratch, `${id}.json`);
  await writeFile(file, json);
  return { file, json };
}

async function plan(ctx: BuildContext, scratch: string): Promise<{ builds: PlannedBuild[]; parts: PartPlan[] }> {
  const { contentRoot, content } = ctx;
  if (!content.site) throw new Error('site.yaml 未通过检查，不能生成网站');
  const parts = planParts(
    content.reports.map((r) => ({ file: r.file, department: r.data.department })),
    partSizeOf(ctx.settings.site),
  );
  const inputOf = (part: SitePart, reports: InputReport[], departments: Department[]): SiteInput => ({
    part,
    revision: ctx.revision,
    site: content.site as Site,
    departments,
    reports: reports.map((r) => ({ ...r, history: [...(ctx.history.get(r.file) ?? [])] })),
  });
  const astroCache = (id: string) => cacheDirFor(contentRoot, `astro/${id}`);
  if (parts.length <= 1) {
    const id = parts[0]?.id ?? 'p0';
    const { file, json } = await writeInput(scratch, 'all', inputOf('all', content.reports, content.departments));
    return {
      parts,
      builds: [
        {
          job: { kind: 'all', id, inputFile: file, astroCacheDir: astroCache('all') },
          key: await partKey('all', json),
          files: content.reports.map((r) => r.file),
        },
      ],
    };
  }
  // The catalogue shows every report's figures, never a body.
  const figures = content.reports.map(({ file, data }) => ({ file, data }));
  const catalog = await writeInput(scratch, 'catalog', inputOf('catalog', figures, content.departments));
  const builds: PlannedBuild[] = [
    {
      job: { kind: 'catalog', id: 'catalog', inputFile: catalog.file, astroCacheDir: astroCache('catalog') },
      key: await partKey('catalog', catalog.json),
      files: figures.map((r) => r.file),
    },
  ];
  const byFile = new Map(content.reports.map((r) => [r.file, r]));
  for (const part of parts) {
    const mine = new Set(part.departments);
    const reports = part.files.flatMap((f) => byFile.get(f) ?? []);
    const departments = content.departments.filter((d) => mine.has(d.id));
    const { file, json } = await writeInput(scratch, part.id, inputOf('reports', reports, departments));
    builds.push({
      job: { kind: 'reports', id: part.id, inputFile: file, astroCacheDir: astroCache(part.id) },
      key: await partKey(`reports ${part.id}`, json),
      files: part.files,
    });
  }
  return { builds, parts };
}

async function merge(from: string, outDir: string, kind: PartJob['kind']): Promise<void> {
  const made = new Set<string>();
  const files = (await listFiles(from)).filter((f) => !f.startsWith('.'));
  await mapLimited(files, 64, async (file) => {
    const owned = REPORT_OWNED.test(file);
    if (kind === 'reports' ? !owned && !SHARED.test(file) : kind === 'catalog' && owned) return;
    const dest = join(outDir, file);
    if (SHARED.test(file)) {
      const existing = await readFile(dest).catch(() => undefined);
      if (existing) {
        if (!existing.equals(await readFile(join(from, file))))
          throw new Error(`网站各部分的共用资源 ${file} 不一致，无法合并`);
        return;
      }
    }
    const dir = dirname(dest);
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await copyFile(join(from, file), dest);
  });
}

interface Timing {
  render: number;
  index: number;
}

/**
 * Runs `build` over the items, `jobs` at a time. On the first failure the
 * parts still running are stopped and no new one starts; it is thrown once
 * every started part has finished cleaning up.
 */
async function buildAll(items: readonly PlannedBuild[], jobs: number, build: (b: PlannedBuild) => Promise<void>) {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (!failure && next < items.length) {
      const b = items[next++] as PlannedBuild;
      try {
        await build(b);
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

/** Builds the parts the cache does not have, two at a time, each into the cache. */
async function buildMissing(
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
  const jobs = Math.max(1, Math.min(ctx.settings.site.jobs ?? 2, availableParallelism()));
  const since = (t: number) => (performance.now() - t) / 1000;
  let done = 0;
  const build = async (b: PlannedBuild) => {
    const temp = buildingDir(cacheDir, b.key);
    await rm(temp, { recursive: true, force: true });
    try {
      let t = performance.now();
      await runPart(b, 'render', temp, ctx.settings.site);
      timing.render += since(t);
      t = performance.now();
      if (b.job.kind !== 'catalog') await runPart(b, 'index', temp, ctx.settings.site);
      timing.index += since(t);
      await writeFile(completeMarker(temp), '');
    } catch (error) {
      // Whatever a failed part wrote (it may be anything its input made Vite emit) is not kept.
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
    const final = join(cacheDir, b.key);
    await rm(final, { recursive: true, force: true });
    await rename(temp, final);
    ready.set(b.key, final);
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

async function withPlan<T>(
  ctx: BuildContext,
  use: (planned: Awaited<ReturnType<typeof plan>>, cacheDir: string) => Promise<T>,
) {
  const cacheDir = cacheDirFor(ctx.contentRoot, 'site');
  await mkdir(cacheDir, { recursive: true });
  // Left by killed builds; or this process's, when its id was a killed build's before.
  await removeTemporary(cacheDir, { own: true });
  const scratch = planDir(cacheDir);
  await mkdir(scratch);
  try {
    return await use(await plan(ctx, scratch), cacheDir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** For a build that is interrupted: removes its unfinished parts (and their inputs) from the cache. */
export async function discardUnfinishedParts(contentRoot: string): Promise<void> {
  await removeTemporary(cacheDirFor(contentRoot, 'site'), { own: true });
}

export const siteStep: BuildStep = {
  name: 'site',
  title: '网站',
  run: (ctx) =>
    withPlan(ctx, async ({ builds, parts }, cacheDir) => {
      const timing = { render: 0, index: 0 };
      const progress = progressLine('网站：构建部分');
      const { ready, built } = await buildMissing(ctx, builds, cacheDir, timing, progress.update);
      progress.done();
      const t = performance.now();
      for (const b of builds) await merge(ready.get(b.key) as string, ctx.outDir, b.job.kind);
      Object.assign(ctx.metrics, {
        'site.parts': parts.length,
        'site.built': built,
        // Summed over the parts (two run at a time), so together more than the step's wall time.
        'site.render-seconds': timing.render,
        'site.index-seconds': timing.index,
        'site.merge-seconds': (performance.now() - t) / 1000,
      });
      const media = await copyMedia(ctx.contentRoot, ctx.content.reports, ctx.outDir);
      const indexes = builds.filter((b) => b.job.kind !== 'catalog').map((b) => b.job.id);
      await mkdir(join(ctx.outDir, 'pagefind'), { recursive: true });
      await writeFile(
        join(ctx.outDir, 'pagefind/parts.json'),
        `${JSON.stringify(indexes.map(searchIndexDir).map((d) => `/${d}/`))}\n`,
      );
      await pruneParts(cacheDir, new Set(builds.map((b) => b.key)));
      return `${parts.length} 个部分${builds.length > 1 ? ' + 目录页' : ''}（新构建 ${built}，缓存 ${builds.length - built}）${media ? `，图片 ${media} 个` : ''}`;
    }),
};

/** What a shard machine hands over: built report parts, by key, for `--merge`. */
interface ShardRecord {
  shard: string;
  parts: { id: string; key: string }[];
}

const SHARD_RECORD = 'shard.json';

/**
 * `npm run build -- --shard i/n --out <dir>`: builds every n-th report part of
 * the site into <dir>/parts/<key>/. The catalogue, PDFs and the manifest are
 * made by the machine that merges.
 */
export async function buildSiteShard(ctx: BuildContext, shard: Shard): Promise<string> {
  return withPlan(ctx, async ({ builds }, cacheDir) => {
    const mine = inShard(
      builds.filter((b) => b.job.kind !== 'catalog'),
      shard,
    );
    const { ready, built } = await buildMissing(ctx, mine, cacheDir, { render: 0, index: 0 }, () => {});
    for (const b of mine) await cp(ready.get(b.key) as string, join(ctx.outDir, 'parts', b.key), { recursive: true });
    const record: ShardRecord = {
      shard: `${shard.index}/${shard.count}`,
      parts: mine.map((b) => ({ id: b.job.id, key: b.key })),
    };
    await writeFile(join(ctx.outDir, SHARD_RECORD), `${JSON.stringify(record, null, 2)}\n`);
    return `分片 ${record.shard}：${mine.length} 个部分（新构建 ${built}）`;
  });
}

/**
 * `npm run build -- --merge <dir>…`: takes the parts the shard machines built
 * into this machine's cache, so the build uses them as if it had built them.
 * Parts are keyed by everything that went into them: a shard built from other
 * sources or other code is simply not used.
 */
export async function importSiteShards(contentRoot: string, dirs: readonly string[]): Promise<number> {
  const cacheDir = cacheDirFor(contentRoot, 'site');
  await mkdir(cacheDir, { recursive: true });
  let imported = 0;
  for (const dir of dirs) {
    const record = JSON.parse(
      await readFile(join(dir, SHARD_RECORD), 'utf8').catch(() => 'null'),
    ) as ShardRecord | null;
    if (!record) throw new UserError(`${dir} 不是 npm run build -- --shard 的输出（没有 ${SHARD_RECORD}）`);
    for (const { key } of record.parts) {
      const dest = join(cacheDir, key);
      await rm(dest, { recursive: true, force: true });
      await cp(join(dir, 'parts', key), dest, { recursive: true });
      imported++;
    }
  }
  return imported;
}
