// The website. Small sites are one `astro build`; larger ones are built in
// parts (see parts.ts): the catalogue, and report parts of a few hundred
// reports each, every part in a process of its own, two at a time, so memory
// stays bounded however many reports there are. Parts are cached by content
// hash and merged into the staging folder; each report part brings its own
// search index, listed in pagefind/parts.json for the search page.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { LAYOUT } from '../../../src/source/content-root.ts';
import { cacheDirFor, PROJECT_ROOT } from '../paths.ts';
import { cachedPart, completeMarker, partKey, pruneParts } from './part-cache.ts';
import { searchIndexDir, type PartJob } from './part-main.ts';
import { partSizeFrom, planParts, type PartPlan } from './parts.ts';
import type { BuildContext, BuildStep } from './types.ts';

/** What a report part contributes to the merged site; everything else comes from the catalogue. */
const REPORT_OWNED = /^(reports\/|departments\/[^/]+\/|data\/\d{4}\/|pagefind\/p\d+\/)/;
/** Hashed assets: every part has the same ones. */
const SHARED = /^_astro\//;

interface PlannedBuild {
  job: Omit<PartJob, 'outDir' | 'step'>;
  key: string;
  /** For a part: the files of its own content tree, and where that tree is made before it is built. */
  tree?: { dir: string; files: string[] };
}

const posix = (p: string) => p.split(sep).join('/');

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => posix(relative(dir, join(e.parentPath, e.name))));
}

function runPart(job: PartJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts/lib/build/part-main.ts'), JSON.stringify(job)], {
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

async function mapLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

/**
 * A content tree of a part's own: site.yaml, its departments, its reports
 * (copied). Astro then reads only what the part needs: a province's tree has
 * ten thousand files a part would otherwise walk and match.
 */
async function partTree(contentRoot: string, dir: string, files: readonly string[]): Promise<string> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, LAYOUT.reports), { recursive: true });
  await mkdir(join(dir, LAYOUT.departments), { recursive: true });
  await mapLimited(files, 64, async (file) => {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await copyFile(join(contentRoot, file), join(dir, file));
  });
  return dir;
}

async function plan(ctx: BuildContext, scratch: string): Promise<{ builds: PlannedBuild[]; parts: PartPlan[] }> {
  const { contentRoot, content } = ctx;
  const parts = planParts(
    content.reports.map((r) => ({ file: r.file, department: r.data.department })),
    partSizeFrom(ctx.env),
  );
  const departmentFile = (id: string) => `${LAYOUT.departments}/${id}.yaml`;
  const allDepartments = content.departments.map((d) => departmentFile(d.id));
  const astroCache = (id: string) => cacheDirFor(contentRoot, `astro/${id}`);
  // Stable places for the parts' trees, so Astro's own cache of each part stays valid.
  const treeOf = (id: string) => cacheDirFor(contentRoot, `trees/${id}`);
  if (parts.length <= 1) {
    const files = [LAYOUT.site, ...allDepartments, ...(parts[0]?.files ?? [])];
    const id = parts[0]?.id ?? 'p0';
    return {
      parts,
      builds: [
        {
          job: { kind: 'all', id, contentRoot, astroCacheDir: astroCache('all') },
          key: await partKey(contentRoot, 'all', files, id),
        },
      ],
    };
  }
  const catalogFile = join(scratch, 'catalog.json');
  const catalog = JSON.stringify(content.reports.map((r) => ({ file: r.file, data: r.data })));
  await writeFile(catalogFile, catalog);
  const catalogFiles = [LAYOUT.site, ...allDepartments];
  const builds: PlannedBuild[] = [
    {
      job: {
        kind: 'catalog',
        id: 'catalog',
        contentRoot: treeOf('catalog'),
        astroCacheDir: astroCache('catalog'),
        catalogFile,
      },
      key: await partKey(contentRoot, 'catalog', catalogFiles, catalog),
      tree: { dir: treeOf('catalog'), files: catalogFiles },
    },
  ];
  for (const part of parts) {
    const files = [LAYOUT.site, ...part.departments.map(departmentFile), ...part.files];
    builds.push({
      job: { kind: 'reports', id: part.id, contentRoot: treeOf(part.id), astroCacheDir: astroCache(part.id) },
      key: await partKey(contentRoot, `reports ${part.id}`, files),
      tree: { dir: treeOf(part.id), files },
    });
  }
  return { builds, parts };
}

async function merge(from: string, outDir: string, kind: PartJob['kind']): Promise<void> {
  const made = new Set<string>();
  const files = (await filesOf(from)).filter((f) => !f.startsWith('.'));
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

export const siteStep: BuildStep = {
  name: 'site',
  title: '网站',
  async run(ctx) {
    const cacheDir = cacheDirFor(ctx.contentRoot, 'site');
    await mkdir(cacheDir, { recursive: true });
    const scratch = await mkdtemp(join(cacheDir, '.plan-'));
    try {
      const { builds, parts } = await plan(ctx, scratch);
      const todo: PlannedBuild[] = [];
      const ready = new Map<string, string>();
      for (const b of builds) {
        const hit = ctx.env.GONGKAI_SITE_CACHE === '0' ? undefined : await cachedPart(cacheDir, b.key);
        if (hit) ready.set(b.key, hit);
        else todo.push(b);
      }
      const jobs = Math.max(1, Math.min(Number(ctx.env.GONGKAI_SITE_JOBS) || 2, availableParallelism()));
      const metrics = { render: 0, index: 0, merge: 0 };
      const since = (t: number) => (performance.now() - t) / 1000;
      await mapLimited(todo, jobs, async (b) => {
        const temp = join(cacheDir, `.building-${b.key}-${process.pid}`);
        await rm(temp, { recursive: true, force: true });
        if (b.tree) await partTree(ctx.contentRoot, b.tree.dir, b.tree.files);
        let t = performance.now();
        await runPart({ ...b.job, step: 'render', outDir: temp });
        metrics.render += since(t);
        t = performance.now();
        if (b.job.kind !== 'catalog') await runPart({ ...b.job, step: 'index', outDir: temp });
        metrics.index += since(t);
        await writeFile(completeMarker(temp), '');
        const final = join(cacheDir, b.key);
        await rm(final, { recursive: true, force: true });
        await rename(temp, final);
        ready.set(b.key, final);
      });
      const t = performance.now();
      for (const b of builds) await merge(ready.get(b.key) as string, ctx.outDir, b.job.kind);
      metrics.merge = since(t);
      Object.assign(ctx.metrics, {
        'site.parts': parts.length,
        'site.built': todo.length,
        // Summed over the parts (two run at a time), so together more than the step's wall time.
        'site.render-seconds': metrics.render,
        'site.index-seconds': metrics.index,
        'site.merge-seconds': metrics.merge,
      });
      const indexes = builds.filter((b) => b.job.kind !== 'catalog').map((b) => b.job.id);
      await mkdir(join(ctx.outDir, 'pagefind'), { recursive: true });
      await writeFile(
        join(ctx.outDir, 'pagefind/parts.json'),
        `${JSON.stringify(indexes.map(searchIndexDir).map((d) => `/${d}/`))}\n`,
      );
      await pruneParts(cacheDir, new Set(builds.map((b) => b.key)));
      const reused = builds.length - todo.length;
      return `${parts.length} 个部分${builds.length > 1 ? ' + 目录页' : ''}（新构建 ${todo.length}，缓存 ${reused}）`;
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  },
};
