// One process of the site build, started by the build through
// scripts/site-part.ts with a JSON job (its memory is returned when it ends):
// `astro build` for a part of the site, or the Pagefind indexes of some
// shards of the search index (src/build/search-index.ts).
import { rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { linkOrCopyAll } from '../lib/link-or-copy.ts';
import { handOverSiteInput, PROJECT_ROOT, settings } from '../config.ts';
import { renderedAnew, type SitePart } from '../model/site-input.ts';
import { keepRenderer, renderKept, type KeptRenderJob } from './kept-renderer.ts';

export interface RenderJob {
  step: 'render';
  kind: SitePart;
  id: string;
  /** The part's site input (see src/model/site-input.ts): everything its pages show. */
  inputFile: string;
  outDir: string;
  /** A folder of its own for Astro's generated files (.astro/, caches): parts never share one. */
  astroRoot: string;
}

export interface IndexShardJob {
  id: string;
  /** The shard's pages, relative to the site folder (reports/2023/kgxj/index.html). */
  pages: string[];
  /** Where each page is now, in the same order: in the built part that made it. */
  sources: string[];
  /** Where its index goes: <outDir>/<searchIndexDir(id)>/. */
  outDir: string;
}

export interface IndexJob {
  step: 'index';
  shards: IndexShardJob[];
}

export type PartJob = RenderJob | KeptRenderJob | IndexJob;

/** Where a search index shard goes in the site. */
export const searchIndexDir = (id: string) => join('pagefind', id);

/** The pages' glob in a site (or a shard's folder of pages): web report pages, not print pages. */
const REPORT_PAGES = 'reports/*/*/index.html';

/**
 * Each shard's pages are linked into a folder of their own (beside its index,
 * in the cache's temporary folders) and Pagefind reads that folder: it reads
 * and parses the files of a folder in parallel, where pages handed over one by
 * one took about an eighth longer (and handed over at once, gave an index
 * whose bytes changed from run to run).
 */
export async function indexShards(job: IndexJob): Promise<void> {
  try {
    for (const shard of job.shards) {
      const pages = `${shard.outDir}.astro`;
      await rm(pages, { recursive: true, force: true });
      linkOrCopyAll(shard.pages.map((page, i) => [shard.sources[i] as string, join(pages, page)] as const));
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
      const added = await index.addDirectory({ path: pages, glob: REPORT_PAGES });
      if (added.errors.length) throw new Error(`Pagefind 索引出错：${added.errors.join('；')}`);
      if (added.page_count !== shard.pages.length)
        throw new Error(`Pagefind 只索引了 ${added.page_count} 页，应为 ${shard.pages.length} 页`);
      const written = await index.writeFiles({ outputPath: join(shard.outDir, searchIndexDir(shard.id)) });
      if (written.errors.length) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
      await index.deleteIndex();
      await rm(pages, { recursive: true, force: true });
    }
  } finally {
    await pagefind.close();
  }
}

export async function renderPart(job: RenderJob): Promise<void> {
  handOverSiteInput(job.inputFile);
  const { build } = await import('astro');
  // Each part gets a root of its own: Astro writes generated modules (the map of
  // a collection's MDX files) under <root>/.astro/, and parts built side by side
  // must not share them. The sources, public files and config stay the project's.
  // sync: false (an option of Astro's builder, not in the public BuildOptions
  // type) skips the type generation and content sync `astro build` runs first:
  // builds read no content collections (src/content.config.ts). About 0.4 CPU-s
  // per part; the same files.
  await build(
    {
      root: job.astroRoot,
      // Astro joins configFile to root, so it must be relative.
      configFile: relative(job.astroRoot, join(PROJECT_ROOT, 'astro.config.mjs')),
      srcDir: join(PROJECT_ROOT, 'src'),
      publicDir: join(PROJECT_ROOT, 'public'),
      outDir: job.outDir,
      cacheDir: join(job.astroRoot, 'cache'),
      vite: { cacheDir: join(job.astroRoot, 'vite') },
      logLevel: settings().site.astroLog,
      integrations: [keepRenderer()],
    },
    { sync: false } as Parameters<typeof build>[1],
  );
}

/** A patch's pages, or a whole part's, rendered with a part's kept renderer (kept-renderer.ts). */
export async function renderWithKept(job: KeptRenderJob): Promise<void> {
  handOverSiteInput(job.inputFile);
  const { wanted } = job;
  await renderKept(job, wanted ? (file) => renderedAnew(file, wanted) : () => true);
}
