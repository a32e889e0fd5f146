// Editing one report rebuilds what it changed and nothing else: its
// department's pages (and the catalogue's, when figures changed) are rendered
// again, one shard of the search index is indexed again, the rest comes from
// the previous build. The site is byte for byte the site a clean build makes.
// The pages are rendered with the bundle the part was built with
// (src/build/kept-renderer.ts), or by an `astro build` when it cannot be used.
import assert from 'node:assert/strict';
import { readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { editOneReport } from '../../scripts/corpus/edit.ts';
import { editAndRebuild, rebuildDirs } from '../helpers/rebuild.ts';

after(() => Promise.all(rebuildDirs.map((d) => rm(d, { recursive: true, force: true }))));

test('a site in one part, figures corrected: the department and the catalogue rendered again; nothing started ahead while unchanged', async () => {
  const r = await editAndRebuild({
    departments: 16,
    env: { GONGKAI_PDF: '0' },
    edit: 'figures',
    shows: 'data/reports.csv',
  });
  assert.match(r.log, /网站 1 个部分（新构建 1，其中 1 个只重新生成改动的单位，缓存 0），搜索索引 1 片（新建 1）/);
  assert.ok(r.after !== r.before, 'the open data shows the corrected figure');
  // Nothing is loaded ahead for content unchanged since the last build; after an edit the check's worker and a site process are.
  assert.equal(r.unchangedMetrics['build.started-ahead'], 0, 'unchanged: no worker or process started ahead');
  assert.equal(r.metrics['build.started-ahead'], 2, 'edited: the check worker and a site process started ahead');
  assert.equal(r.metrics['site.kept-renders'], 1, 'rendered with the bundle the part was built with');
  assert.equal(r.rebuilt, r.clean);
});

test('most reports changed: the part rendered whole with the bundle the last build kept, not by astro build', async () => {
  const r = await editAndRebuild({
    departments: 4,
    env: { GONGKAI_PDF: '0' },
    edit: 'paragraph',
    shows: 'reports/2024/d00001/index.html',
    // Every report changed: too much to patch.
    beforeRebuild: async (_cache, content) => {
      for (const d of ['d00001', 'd00002', 'd00004']) await editOneReport(content, d, 2024, 'paragraph');
    },
  });
  assert.match(r.log, /网站 1 个部分（新构建 1，缓存 0）/);
  assert.equal(r.metrics['site.patched'], 0);
  assert.equal(r.metrics['site.shared-renders'], 1, 'rendered with the bundle of the same code and site.yaml');
  assert.ok(r.after.includes('年度中未调整预算。'), 'the report page has the new sentence');
  assert.equal(r.rebuilt, r.clean);
});

test('a part whose kept bundle fails to load: its pages rendered by an astro build, the same site', async () => {
  let siteCache = '';
  const r = await editAndRebuild({
    departments: 4,
    env: { GONGKAI_PDF: '0' },
    edit: 'paragraph',
    shows: 'reports/2024/d00003/index.html',
    // As a bundle of another Astro would: it no longer loads.
    beforeRebuild: async (cache) => {
      siteCache = cache;
      for (const part of await readdir(cache)) {
        const renderer = join(cache, part, '.renderer');
        for (const f of await readdir(renderer).catch(() => []))
          if (f.endsWith('.mjs')) await writeFile(join(renderer, f), 'throw new Error("不是这一版的打包");\n');
      }
    },
  });
  assert.match(r.log, /网站 1 个部分（新构建 1，其中 1 个只重新生成改动的单位，缓存 0）/);
  assert.equal(r.metrics['site.kept-renders'], 0);
  assert.ok(r.after.includes('年度中未调整预算。'), 'the report page has the new sentence');
  assert.equal(r.rebuilt, r.clean);
  // The patched part keeps the bundle its astro build made, not the one that failed: the next edit is quick again.
  const renderers = await Promise.all(
    (await readdir(siteCache)).map((part) =>
      readdir(join(siteCache, part, '.renderer')).then(
        (files) => ({ part, files }),
        () => undefined,
      ),
    ),
  );
  const sound = [];
  for (const found of renderers)
    if (found) {
      const entry = found.files.find((f) => f.endsWith('.mjs')) as string;
      const text = await readFile(join(siteCache, found.part, '.renderer', entry), 'utf8');
      if (!text.includes('不是这一版的打包')) sound.push(found.part);
    }
  assert.equal(sound.length, 1, 'one part (the patched one) has a bundle that loads');
});

test('a site in parts, in git, a commit that changed one paragraph: only its department rendered again, with the bundle its part kept; its page names the commit', async () => {
  let siteCache = '';
  let renderersBefore: string[] = [];
  const r = await editAndRebuild({
    departments: 16,
    env: { GONGKAI_PDF: '0', GONGKAI_PART_SIZE: '8', GONGKAI_INDEX_SHARD_SIZE: '8' },
    edit: 'paragraph',
    shows: 'reports/2024/d00003/index.html',
    git: true,
    beforeRebuild: async (cache) => {
      siteCache = cache;
      renderersBefore = await readdir(join(cache, 'renderers'));
    },
  });
  assert.match(
    r.log,
    /网站 2 个部分 \+ 目录页（新构建 1，其中 1 个只重新生成改动的单位，缓存 2），搜索索引 2 片（新建 1）/,
  );
  assert.ok(r.after.includes('年度中未调整预算。'), 'the report page has the new sentence');
  assert.equal(r.metrics['site.kept-renders'], 1, 'rendered with the bundle the part was built with');
  // Each page shows the commit that last changed its own report: the new commit reaches one page, not all.
  const version = (html: string) => /源文件版本<\/dt>\s*<dd[^>]*>\s*<code>([0-9a-f]{10})<\/code>/.exec(html)?.[1];
  assert.ok(
    version(r.before) && version(r.after) && version(r.after) !== version(r.before),
    'the page names the new commit',
  );
  assert.equal(r.rebuilt, r.clean);
  // The patched part links to the bundle its base was built with: stored once, not copied with each patch.
  assert.ok(renderersBefore.length > 0, 'the parts kept their bundles');
  assert.deepEqual(await readdir(join(siteCache, 'renderers')), renderersBefore, 'no bundle stored again');
  const linked = new Set<string>();
  for (const part of await readdir(siteCache))
    await realpath(join(siteCache, part, '.renderer')).then(
      (dir) => linked.add(basename(dir)),
      () => undefined,
    );
  assert.ok(
    [...linked].every((dir) => renderersBefore.includes(dir)),
    `parts link to stored bundles: ${[...linked]}`,
  );
});
