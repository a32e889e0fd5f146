// The website, after the PDFs (so each report page links its PDF with size and
// pages). Small sites are one 'web' part; larger ones are built in parts (see
// site-parts.ts): the catalogue, and report parts of a few hundred reports
// each, every part in a process of its own, two at a time, so memory stays
// bounded however many reports there are. Parts are cached by their input and
// merged into the staging folder. The search index is built from the parts'
// report pages meanwhile, in shards of its own (search-index.ts).
//
// Across machines, the caches are what is handed over: a shard builds the
// print parts, PDFs and report parts of its share and exports them; the
// machine that merges imports them and builds as if it had built them itself.
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { progressLine } from '../cli/progress.ts';
import { UserError } from '../cli/run.ts';
import type { Shard } from '../cli/shard.ts';
import type { SitePart } from '../model/site-input.ts';
import type { BuildContext, BuildStep } from './context.ts';
import {
  buildMissing,
  builtSummary,
  catalogueReports,
  inputFor,
  mergePart,
  planBuild,
  withPlan,
  type PlannedBuild,
} from './part-builds.ts';
import { copyMedia } from './media.ts';
import { openSiteCache, pruneParts, UNUSED_FOR_MS } from './part-cache.ts';
import { pruneRenderers, RENDERER_DIR } from './kept-renderer.ts';
import { reportsInScope } from './print-step.ts';
import { buildSearchIndex } from './search-index.ts';
import { partSizeOf, planParts } from './site-parts.ts';

async function planWeb(ctx: BuildContext, scratch: string): Promise<{ builds: PlannedBuild[]; parts: number }> {
  const { content } = ctx;
  const parts = planParts(
    content.reports.map((r) => ({ file: r.file, department: r.data.department })),
    partSizeOf(ctx.settings.site),
  );
  const build = async (
    kind: SitePart,
    id: string,
    input: Parameters<typeof inputFor>,
    files: readonly string[],
  ): Promise<PlannedBuild> => {
    // The catalogue shows every report: any change is a change to most of its pages.
    return planBuild(scratch, { kind, id }, kind === 'reports' ? `reports ${id}` : kind, inputFor(...input), files, {
      patchable: kind !== 'catalog',
    });
  };
  if (parts.length <= 1) {
    const files = content.reports.map((r) => r.file);
    return {
      parts: parts.length,
      builds: [await build('web', parts[0]?.id ?? 'p0', [ctx, 'web', content.reports, content.departments], files)],
    };
  }
  const builds: PlannedBuild[] = [];
  // The catalogue shows every report's figures, never a body; a shard leaves it to the machine that merges.
  if (!ctx.scope) {
    const figures = catalogueReports(ctx);
    const files = figures.map((r) => r.file);
    builds.push(await build('catalog', 'catalog', [ctx, 'catalog', figures, content.departments], files));
  }
  const byFile = new Map(content.reports.map((r) => [r.file, r]));
  for (const part of parts) {
    if (ctx.scope && !part.files.some((f) => ctx.scope?.has(f))) continue;
    const reports = part.files.flatMap((f) => byFile.get(f) ?? []);
    const departments = content.departments.filter((d) => part.departments.includes(d.id));
    builds.push(await build('reports', part.id, [ctx, 'reports', reports, departments], part.files));
  }
  return { builds, parts: parts.length };
}

/** Both results; when either fails, its error, once the other has finished too (nothing is left running). */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [x, y] = await Promise.allSettled([a, b]);
  if (x.status === 'rejected') throw x.reason;
  if (y.status === 'rejected') throw y.reason;
  return [x.value, y.value];
}

export const siteStep: BuildStep = {
  name: 'site',
  title: '网站',
  run: (ctx) =>
    withPlan(
      ctx,
      (scratch) => planWeb(ctx, scratch),
      async ({ builds, parts }, cacheDir) => {
        const timing = { render: 0, patched: 0, kept: 0, shared: 0 };
        const progress = progressLine('网站：构建部分');
        const { ready, built: rendered } = await buildMissing(ctx, builds, cacheDir, timing, progress.update);
        progress.done();
        // The search index reads the report pages from the built parts, so it is made while they are merged.
        const t = performance.now();
        const merging = (async () => {
          for (const b of builds) {
            await mergePart(ready.get(b.key) as string, ctx.outDir, b.job.kind, ctx.knownHashes, {
              printPages: !ctx.printed,
              signal: ctx.signal,
              reused: ctx.reused,
            });
            ctx.usedParts.add(b.key);
          }
          return (performance.now() - t) / 1000;
        })();
        const indexing = progressLine('网站：搜索索引');
        const built = builds.map((b) => ({ dir: ready.get(b.key) as string, kind: b.job.kind }));
        const [mergeSeconds, index] = await bothSettled(
          merging,
          buildSearchIndex(ctx, cacheDir, built, indexing.update).finally(() => indexing.done()),
        );
        await mkdir(join(ctx.outDir, 'pagefind'), { recursive: true });
        await writeFile(join(ctx.outDir, 'pagefind/parts.json'), `${JSON.stringify(index.dirs)}\n`);
        Object.assign(ctx.metrics, {
          'site.parts': parts,
          'site.built': rendered,
          // Summed over the parts (two run at a time), so together more than the step's wall time.
          'site.render-seconds': timing.render,
          'site.merge-seconds': mergeSeconds,
          // Beside the merge: the two overlap.
          'site.index-seconds': (performance.now() - t) / 1000,
          'site.index-shards': index.dirs.length,
          'site.index-built': index.built,
          'site.patched': timing.patched,
          'site.kept-renders': timing.kept,
          'site.shared-renders': timing.shared,
        });
        // The images the print pages show came with them; without a print step they come now.
        const media = ctx.printed ? 0 : await copyMedia(ctx.contentRoot, reportsInScope(ctx), ctx.outDir);
        // The cache holds one site's worth: what this build used (print parts included).
        if (!ctx.scope) {
          await pruneParts(cacheDir, ctx.usedParts);
          pruneRenderers(cacheDir, UNUSED_FOR_MS);
        }
        const catalogue = builds.some((b) => b.job.kind === 'catalog');
        return (
          `${parts} 个部分${catalogue ? ' + 目录页' : ''}（${builtSummary(rendered, timing)}，缓存 ${builds.length - rendered}）` +
          `，搜索索引 ${index.dirs.length} 片（新建 ${index.built}）${media ? `，图片 ${media} 个` : ''}`
        );
      },
    ),
};

/** What a shard machine hands over: the cached parts and PDFs it built, by key, for `--merge`. */
interface ShardRecord {
  shard: string;
  parts: string[];
  pdfs: string[];
}

const SHARD_RECORD = 'shard.json';

/**
 * `npm run build -- --shard i/n --out <dir>`, after the print, PDF and site
 * steps ran for the shard's share: copies the parts and PDFs they used from
 * the caches into <dir>. The catalogue, the sitemap and the manifest are made
 * by the machine that merges.
 */
export async function exportShard(ctx: BuildContext, shard: Shard, pdfCacheDir: string | undefined): Promise<string> {
  const cacheDir = ctx.settings.site.cacheDir;
  const parts = [...ctx.usedParts].sort();
  // Not a part's kept renderer: a link into this machine's cache (a patch on the other machine builds its own).
  for (const key of parts)
    await cp(join(cacheDir, key), join(ctx.outDir, 'parts', key), {
      recursive: true,
      filter: (path) => basename(path) !== RENDERER_DIR,
    });
  const pdfs = pdfCacheDir ? [...ctx.pdfKeys].sort() : [];
  for (const key of pdfs)
    for (const ext of ['pdf', 'json'])
      await cp(
        join(pdfCacheDir as string, key.slice(0, 2), `${key}.${ext}`),
        join(ctx.outDir, 'pdf-cache', `${key}.${ext}`),
      );
  const record: ShardRecord = { shard: `${shard.index}/${shard.count}`, parts, pdfs };
  await writeFile(join(ctx.outDir, SHARD_RECORD), `${JSON.stringify(record, null, 2)}\n`);
  return `分片 ${record.shard}：${parts.length} 个部分、${pdfs.length} 份 PDF`;
}

/**
 * `npm run build -- --merge <dir>…`: takes what the shard machines built into
 * this machine's caches, so the build uses it as if it had built it. Parts and
 * PDFs are keyed by everything that went into them: a shard built from other
 * sources or other code is simply not used.
 */
export async function importShards(
  siteCacheDir: string,
  dirs: readonly string[],
  pdfCacheDir: string | undefined,
): Promise<{ parts: number; pdfs: number }> {
  const cacheDir = await openSiteCache(siteCacheDir);
  let parts = 0;
  let pdfs = 0;
  for (const dir of dirs) {
    const record = JSON.parse(
      await readFile(join(dir, SHARD_RECORD), 'utf8').catch(() => 'null'),
    ) as ShardRecord | null;
    if (!record) throw new UserError(`${dir} 不是 npm run build -- --shard 的输出（没有 ${SHARD_RECORD}）`);
    for (const key of record.parts) {
      const dest = join(cacheDir, key);
      await rm(dest, { recursive: true, force: true });
      await cp(join(dir, 'parts', key), dest, { recursive: true });
      parts++;
    }
    if (!pdfCacheDir) continue;
    const files = new Set(await readdir(join(dir, 'pdf-cache')).catch(() => [] as string[]));
    for (const key of record.pdfs) {
      if (!files.has(`${key}.pdf`) || !files.has(`${key}.json`)) continue;
      await mkdir(join(pdfCacheDir, key.slice(0, 2)), { recursive: true });
      // The PDF before its page count: an entry is only found once both are there.
      for (const ext of ['pdf', 'json'])
        await cp(join(dir, 'pdf-cache', `${key}.${ext}`), join(pdfCacheDir, key.slice(0, 2), `${key}.${ext}`));
      pdfs++;
    }
  }
  return { parts, pdfs };
}
