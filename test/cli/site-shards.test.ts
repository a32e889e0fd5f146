// Building the site across machines: shards build the print and report parts
// (and PDFs) of their share, one machine merges them and builds the rest. The result must be the very same site as
// one machine's build: the same files, the same bytes (the same SHA256SUMS). Each machine builds
// its one part by `astro build`; one machine building all three renders the last with the bundle of
// the first (part-builds.ts, renderWithSibling): the same site either way.
import assert from 'node:assert/strict';
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PROJECT_ROOT } from '../../src/config.ts';
import { runScript } from '../helpers/cli.ts';
import { ownSiteCache, tempDir } from '../helpers/content.ts';
import { MULTI_IN_PARTS, sharedSite } from '../e2e/helpers/site.ts';

const MULTI = join(PROJECT_ROOT, 'test/fixtures/sites/multi');
const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** Each machine's site cache, by the machine's folder. */
const siteCaches = new Map<string, string>();

/** A copy of the fixture on its own “machine”: its own path and its own site cache (env). */
async function machine(): Promise<string> {
  const dir = await tempDir();
  const cache = await ownSiteCache();
  dirs.push(dir, cache);
  siteCaches.set(dir, cache);
  await cp(MULTI, join(dir, 'content'), { recursive: true });
  return dir;
}

const env = (root: string) => ({
  GONGKAI_CONTENT: join(root, 'content'),
  GONGKAI_SITE_CACHE: siteCaches.get(root),
  GONGKAI_PDF: '0',
  ...MULTI_IN_PARTS,
});

test('shards merged give the same site as one machine', async () => {
  // One machine's build of the fixture, in parts of three, outside git: the site the browser tests read.
  const one = await sharedSite('multi');
  assert.match(one.log, /网站 2 个部分 \+ 目录页（新构建 3，缓存 0）/);
  // Two parts by `astro build` side by side (on two cores); the third rendered with the bundle of the first done.
  assert.ok(one.metrics['site.shared-renders']! >= 1, 'a part rendered with the bundle of one built before it');

  const shards: string[] = [];
  for (const i of [1, 2]) {
    const m = await machine();
    const r = await runScript('build', ['--shard', `${i}/2`, '--out', join(m, 'shard')], env(m));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`分片 ${i}/2：`));
    shards.push(join(m, 'shard'));
  }

  const merger = await machine();
  const merged = await runScript('build', ['--merge', ...shards, '--out', join(merger, 'dist')], env(merger));
  assert.equal(merged.status, 0, merged.stderr);
  // Without PDFs the report parts make the print pages too: 2 parts to hand over, one from each
  // shard, and the 2 shards of the search index, each wholly in one machine's share.
  assert.match(merged.stdout, /取用分片构建的 4 个网站部分和搜索索引分片/);
  assert.match(
    merged.stdout,
    /网站 2 个部分 \+ 目录页（新构建 1，缓存 2），搜索索引 2 片（新建 0）/,
    'only the catalogue is built here',
  );

  const [a, b] = await Promise.all([one.dir, join(merger, 'dist')].map((d) => readFile(join(d, 'SHA256SUMS'), 'utf8')));
  assert.equal(b, a);
});

test('--shard needs --out, and the two modes do not mix', async () => {
  const m = await machine();
  const noOut = await runScript('build', ['--shard', '1/2'], env(m));
  assert.equal(noOut.status, 1);
  assert.match(noOut.stderr, /--shard 需要 --out/);
  const both = await runScript('build', ['--shard', '1/2', '--merge', 'x', '--out', join(m, 'x')], env(m));
  assert.equal(both.status, 1);
  const stray = await runScript('build', ['dist2'], env(m));
  assert.equal(stray.status, 1);
  assert.match(stray.stderr, /不认识的参数：dist2/);
  const notShard = await runScript('build', ['--merge', m, '--out', join(m, 'dist')], env(m));
  assert.equal(notShard.status, 1);
  assert.match(notShard.stderr, /不是 npm run build -- --shard 的输出/);
});
