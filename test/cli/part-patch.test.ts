// Editing one report rebuilds what it changed and nothing else: its
// department's pages (and the catalogue's, when figures changed) are rendered
// again, one shard of the search index is indexed again, the rest comes from
// the previous build. The site is byte for byte the site a clean build makes.
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { editOneReport, type Edit } from '../../scripts/corpus/edit.ts';
import { writeCorpus } from '../../scripts/corpus/write.ts';
import { runScript } from '../helpers/cli.ts';
import { ownSiteCache, tempDir } from '../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const sums = (dir: string) => readFile(join(dir, 'SHA256SUMS'), 'utf8');

const cases: { name: string; env: Record<string, string>; edit: Edit; log: RegExp; shows: string }[] = [
  {
    name: 'a site in one part, figures corrected: the department and the catalogue rendered again',
    env: {},
    edit: 'figures',
    log: /网站 1 个部分（新构建 1，其中 1 个只重新生成改动的单位，缓存 0），搜索索引 1 片（新建 1）/,
    shows: 'data/reports.csv',
  },
  {
    name: 'a site in parts, a paragraph added: only its department rendered again',
    env: { GONGKAI_PART_SIZE: '8', GONGKAI_INDEX_SHARD_SIZE: '8' },
    edit: 'paragraph',
    log: /网站 2 个部分 \+ 目录页（新构建 1，其中 1 个只重新生成改动的单位，缓存 2），搜索索引 2 片（新建 1）/,
    shows: 'reports/2024/d00003/index.html',
  },
];

for (const c of cases)
  test(c.name, async () => {
    const home = await tempDir();
    const cache = await ownSiteCache();
    dirs.push(home, cache);
    const content = join(home, 'content');
    await writeCorpus({ departments: 16, years: 1, out: content, seed: 1, lastYear: 2024 });
    const env = { GONGKAI_CONTENT: content, GONGKAI_PDF: '0', GONGKAI_SITE_CACHE: cache, ...c.env };
    const build = async (out: string, more: Record<string, string> = {}) => {
      const r = await runScript('build', ['--out', join(home, out)], { ...env, ...more });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      return r.stdout;
    };

    await build('dist');
    const before = await readFile(join(home, 'dist', c.shows), 'utf8');
    await editOneReport(content, 'd00003', 2024, c.edit);
    assert.match(await build('dist'), c.log);
    assert.ok((await readFile(join(home, 'dist', c.shows), 'utf8')) !== before, `${c.shows} shows the edit`);

    await build('clean', { GONGKAI_SITE_CACHE: '0' });
    assert.equal(await sums(join(home, 'dist')), await sums(join(home, 'clean')));
  });
