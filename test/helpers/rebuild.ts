// A synthetic site built (twice, so the rebuild starts from the previous
// output), one report edited (and committed, in git), the site built again
// from the caches, and built clean: what the one-report rebuild tests compare.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { editOneReport, type Edit } from '../../scripts/corpus/edit.ts';
import { writeCorpus } from '../../scripts/corpus/write.ts';
import { formatManifest, hashTree } from '../../src/build/sha256sums.ts';
import { runScript } from './cli.ts';
import { commitAll, initRepo } from './git.ts';
import { ownSiteCache, tempDir } from './content.ts';

export interface Rebuild {
  /** The log of the build after the edit. */
  log: string;
  /** Its metrics (GONGKAI_BUILD_TIMINGS): which parts were patched, and how. */
  metrics: Record<string, number>;
  /** The metrics of the build before the edit, of content unchanged since the first. */
  unchangedMetrics: Record<string, number>;
  /** A file of the site (relative) before and after the edit. */
  before: string;
  after: string;
  /** SHA256SUMS of the rebuilt site and of a clean build of the same content. */
  rebuilt: string;
  clean: string;
}

/** Folders to remove after the tests. */
export const rebuildDirs: string[] = [];

export async function editAndRebuild(options: {
  departments: number;
  env: Record<string, string>;
  edit: Edit;
  /** The file whose change shows the edit reached the site. */
  shows: string;
  /** Environment of the clean build, besides the site cache off. */
  cleanEnv?: Record<string, string>;
  /** The content is in git: committed before the first build, and the edit committed before the second. */
  git?: boolean;
  /** Done before the rebuild, after the edit: to the site cache, or the content. */
  beforeRebuild?: (cache: string, content: string) => Promise<void>;
}): Promise<Rebuild> {
  const home = await tempDir();
  const cache = await ownSiteCache();
  rebuildDirs.push(home, cache);
  const content = join(home, 'content');
  await writeCorpus({ departments: options.departments, years: 1, out: content, seed: 1, lastYear: 2024 });
  const env = { GONGKAI_CONTENT: content, GONGKAI_SITE_CACHE: cache, ...options.env };
  const build = async (out: string, more: Record<string, string> = {}) => {
    const r = await runScript('build', ['--out', join(home, out)], { ...env, ...more });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    return r.stdout;
  };
  const read = (out: string, file: string) => readFile(join(home, out, file), 'utf8');

  if (options.git) {
    await initRepo(home);
    await commitAll(content, '各单位报告', 1_719_400_000);
  }
  await build('dist');
  // Built again unchanged: the output the first build published is now the previous one, which the rebuild starts from.
  const unchangedTimings = join(home, 'unchanged-timings.json');
  await build('dist', { GONGKAI_BUILD_TIMINGS: unchangedTimings });
  const before = await read('dist', options.shows);
  await editOneReport(content, 'd00003', 2024, options.edit);
  if (options.git) await commitAll(content, '改正一份报告', 1_719_500_000);
  await options.beforeRebuild?.(cache, content);
  const timings = join(home, 'timings.json');
  const log = await build('dist', { GONGKAI_BUILD_TIMINGS: timings });
  assert.match(log, /✓ 沿用上次的输出：[1-9]\d* 个文件不变/, 'the rebuild started from the previous output');
  // What is in the folder is what SHA256SUMS lists, not one file more or different.
  assert.equal(formatManifest(await hashTree(join(home, 'dist'))), await read('dist', 'SHA256SUMS'));
  await build('clean', { GONGKAI_SITE_CACHE: '0', ...options.cleanEnv });
  const metricsOf = async (file: string) =>
    (JSON.parse(await readFile(file, 'utf8')) as { metrics: Record<string, number> }).metrics;
  return {
    log,
    metrics: await metricsOf(timings),
    unchangedMetrics: await metricsOf(unchangedTimings),
    before,
    after: await read('dist', options.shows),
    rebuilt: await read('dist', 'SHA256SUMS'),
    clean: await read('clean', 'SHA256SUMS'),
  };
}
