// One process of the site build, started by the build through
// scripts/site-part.ts with a JSON job (its memory is returned when it ends):
// `astro build` for a part of the site, or the Pagefind indexes of some
// shards of the search index (src/build/search-index.ts).
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { handOverSiteInput, PROJECT_ROOT, settings } from '../config.ts';
import type { SitePart } from '../model/site-input.ts';

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
  /** Where its index goes: <outDir>/<searchIndexDir(id)>/. */
  outDir: string;
}

export interface IndexJob {
  step: 'index';
  /** The merged site, whose report pages are indexed. */
  siteDir: string;
  shards: IndexShardJob[];
}

export type PartJob = RenderJob | IndexJob;

/** Where a search index shard goes in the site. */
export const searchIndexDir = (id: string) => join('pagefind', id);

export async function indexShards(job: IndexJob): Promise<void> {
  try {
    for (const shard of job.shards) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
      for (const page of shard.pages) {
        const added = await index.addHTMLFile({
          sourcePath: page,
          content: await readFile(join(job.siteDir, page), 'utf8'),
        });
        if (added.errors.length) throw new Error(`Pagefind 索引 ${page} 出错：${added.errors.join('；')}`);
      }
      const written = await index.writeFiles({ outputPath: join(shard.outDir, searchIndexDir(shard.id)) });
      if (written.errors.length) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
      await index.deleteIndex();
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
    },
    { sync: false } as Parameters<typeof build>[1],
  );
}
