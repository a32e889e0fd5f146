// One part of the site, in processes of its own (their memory is returned
// when they end): `astro build` for the part, then, in a second process, the
// search index of its report pages. Started by site-step.ts through
// scripts/site-part.ts with a JSON job.
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { handOverSiteInput, PROJECT_ROOT, settings } from '../config.ts';
import type { SitePart } from '../model/site-input.ts';

export interface PartJob {
  /** What this process does: render the part's pages, or index them for search. */
  step: 'render' | 'index';
  kind: SitePart;
  id: string;
  /** The part's site input (see src/model/site-input.ts): everything its pages show. */
  inputFile: string;
  outDir: string;
  /** A folder of its own for Astro's generated files (.astro/, caches): parts never share one. */
  astroRoot: string;
}

/** Where a part's search index goes in the site. */
export const searchIndexDir = (id: string) => join('pagefind', id);

export async function indexPart(job: PartJob): Promise<number> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind 无法创建索引：${errors.join('；')}`);
    const added = await index.addDirectory({ path: job.outDir, glob: 'reports/*/*/index.html' });
    if (added.errors.length) throw new Error(`Pagefind 索引出错：${added.errors.join('；')}`);
    const written = await index.writeFiles({ outputPath: join(job.outDir, searchIndexDir(job.id)) });
    if (written.errors.length) throw new Error(`Pagefind 写入索引出错：${written.errors.join('；')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export async function renderPart(job: PartJob): Promise<void> {
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
