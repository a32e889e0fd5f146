// Editing one report rebuilds what it changed and nothing else: its
// department's pages (and the catalogue's, when figures changed) are rendered
// again, one shard of the search index is indexed again, the rest comes from
// the previous build. The site is byte for byte the site a clean build makes.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import { editAndRebuild, rebuildDirs } from '../helpers/rebuild.ts';

after(() => Promise.all(rebuildDirs.map((d) => rm(d, { recursive: true, force: true }))));

test('a site in one part, figures corrected: the department and the catalogue rendered again', async () => {
  const r = await editAndRebuild({
    departments: 16,
    env: { GONGKAI_PDF: '0' },
    edit: 'figures',
    shows: 'data/reports.csv',
  });
  assert.match(r.log, /网站 1 个部分（新构建 1，其中 1 个只重新生成改动的单位，缓存 0），搜索索引 1 片（新建 1）/);
  assert.ok(r.after !== r.before, 'the open data shows the corrected figure');
  assert.equal(r.rebuilt, r.clean);
});

test('a site in parts, a paragraph added: only its department rendered again', async () => {
  const r = await editAndRebuild({
    departments: 16,
    env: { GONGKAI_PDF: '0', GONGKAI_PART_SIZE: '8', GONGKAI_INDEX_SHARD_SIZE: '8' },
    edit: 'paragraph',
    shows: 'reports/2024/d00003/index.html',
  });
  assert.match(
    r.log,
    /网站 2 个部分 \+ 目录页（新构建 1，其中 1 个只重新生成改动的单位，缓存 2），搜索索引 2 片（新建 1）/,
  );
  assert.ok(r.after.includes('年度中未调整预算。'), 'the report page has the new sentence');
  assert.equal(r.rebuilt, r.clean);
});

test('in git, a commit that changed one report: only its department rendered again, its page names the commit', async () => {
  const r = await editAndRebuild({
    departments: 16,
    env: { GONGKAI_PDF: '0', GONGKAI_PART_SIZE: '8', GONGKAI_INDEX_SHARD_SIZE: '8' },
    edit: 'paragraph',
    shows: 'reports/2024/d00003/index.html',
    git: true,
  });
  // Each page shows the commit that last changed its own report: the new commit reaches one page, not all.
  assert.match(
    r.log,
    /网站 2 个部分 \+ 目录页（新构建 1，其中 1 个只重新生成改动的单位，缓存 2），搜索索引 2 片（新建 1）/,
  );
  const version = (html: string) => /源文件版本<\/dt>\s*<dd[^>]*>\s*<code>([0-9a-f]{10})<\/code>/.exec(html)?.[1];
  assert.ok(
    version(r.before) && version(r.after) && version(r.after) !== version(r.before),
    'the page names the new commit',
  );
  assert.equal(r.rebuilt, r.clean);
});
