// The website. Small sites are one `astro build`; larger ones are built in
// parts (see parts.ts): the catalogue, and report parts of a few hundred
// reports each, every part in a process of its own, two at a time, so memory
// stays bounded however many reports there are. Parts are cached by content
// hash and merged into the staging folder; each report part brings its own
// search index, listed in pagefind/parts.json for the search page.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { copyFile, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { mapLimited } from '../lib/map-limited.ts';
import type { InputReport, SiteInput, SitePart } from '../model/site-input.ts';
import type { Department } from '../schema/department.ts';
import type { Site } from '../schema/site.ts';
import { UserError } from '../cli/run.ts';
import { copyMedia } from './media.ts';
import { listFiles } from '../lib/list-files.ts';
import { cacheDirFor, PROJECT_ROOT } from '../config.ts';
import { progressLine } from '../cli/progress.ts';
import { inShard, type Shard } from './shard.ts';
import { cachedPart, completeMarker, partKey, pruneParts } from './part-cache.ts';
import { searchIndexDir, type PartJob } from './site-part.ts';
import { CATALOG_BESIDE_PARTS_UP_TO, partHeapFrom, partSizeFrom, planParts, type PartPlan } from './site-parts.ts';
import type { BuildContext, BuildStep } from './context.ts';

/** What a report part contributes to the merged site; everything else comes from the catalogue. */
const REPORT_OWNED = /^(reports\/|departments\/[^/]+\/|data\/\d{4}\/|pagefind\/p\d+\/)/;
/** Hashed assets: every part has the same ones. */
const SHARED = /^_astro\//;

interface PlannedBuild {
  job: Omit<PartJob, 'outDir' | 'step'>;
  key: string;
}

function runPart(job: PartJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const heap =
      job.kind === 'reports' && job.step === 'render' ? [`--max-old-space-size=${partHeapFrom(process.env)}`] : [];
    const child = spawn(process.execPath, [...heap, join(PROJECT_ROOT, 'scripts/site-part.ts'), JSON.stringify(job)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: process.env,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`网站部分 ${job.id}（${job.step}）构建失败（退出码 ${code}）：\n${stderr.trim()}`)),
    );
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
    partSizeFrom(ctx.env),
  );
  const inputOf = (part: SitePart, reports: InputReport[], departments: Department[]): SiteInput => ({
    part,
    revision: ctx.revision,
    site: content.site as Site,
    departments,
    reports,
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
    const hit = ctx.env.GONGKAI_SITE_CACHE === '0' ? undefined : await cachedPart(cacheDir, b.key);
    if (hit) ready.set(b.key, hit);
    else todo.push(b);
  }
  const jobs = Math.max(1, Math.min(Number(ctx.env.GONGKAI_SITE_JOBS) || 2, availableParallelism()));
  const since = (t: number) => (performance.now() - t) / 1000;
  let done = 0;
  const build = async (b: PlannedBuild) => {
    const temp = join(cacheDir, `.building-${b.key}-${process.pid}`);
    await rm(temp, { recursive: true, force: true });
    let t = performance.now();
    await runPart({ ...b.job, step: 'render', outDir: temp });
    timing.render += since(t);
    t = performance.now();
    if (b.job.kind !== 'catalog') await runPart({ ...b.job, step: 'index', outDir: temp });
    timing.index += since(t);
    await writeFile(completeMarker(temp), '');
    const final = join(cacheDir, b.key);
    await rm(final, { recursive: true, force: true });
    await rename(temp, final);
    ready.set(b.key, final);
    progress(++done, todo.length);
  };
  // The catalogue grows with the site: past a size it runs alone (see parts.ts).
  if (ctx.content.reports.length <= CATALOG_BESIDE_PARTS_UP_TO) await mapLimited(todo, jobs, build);
  else {
    for (const b of todo) if (b.job.kind === 'catalog') await build(b);
    await mapLimited(
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
  const scratch = await mkdtemp(join(cacheDir, '.plan-'));
  try {
    return await use(await plan(ctx, scratch), cacheDir);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
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
