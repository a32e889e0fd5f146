// The site cache is shared by every build on this machine, of any content
// tree: a build cleans up what killed builds left, never what a running one
// writes, and keeps the parts builds used within the hour.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  buildingDir,
  cachedPart,
  openSiteCache,
  planDir,
  pruneParts,
  removeTemporary,
} from '../../../src/build/part-cache.ts';
import { DEFAULT_SITE_CACHE, PROJECT_ROOT, readSettings } from '../../../src/config.ts';
import { tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A process that has ended: its id is free (or reused, which the cache treats as alive). */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.on('close', () => resolve(child.pid as number)));
}

test("another running build's folders stay, a killed build's go, this build's go only when asked", async () => {
  const cache = await tempDir();
  dirs.push(cache);
  const living = await new Promise<import('node:child_process').ChildProcess>((resolve) => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    child.on('spawn', () => resolve(child));
  });
  after(() => living.kill());
  const dead = await deadPid();
  const folder = (name: string, pid: number) => join(cache, name.replace('PID', String(pid)));
  const names = (pid: number) =>
    [`.building-0a1b2c3d4e5f-PID`, `.building-0a1b2c3d4e5f-PID.astro`, `.plan-PID`].map((n) => folder(n, pid));
  const kept = [join(cache, '0a1b2c3d4e5f'), join(cache, '.other-folder')];
  for (const dir of [...names(living.pid as number), ...names(dead), ...names(process.pid), ...kept])
    await mkdir(dir, { recursive: true });
  assert.equal(buildingDir(cache, '0a1b2c3d4e5f'), names(process.pid)[0]);
  assert.equal(planDir(cache), names(process.pid)[2]);

  await removeTemporary(cache);
  const left = async () => (await readdir(cache)).map((n) => join(cache, n)).sort();
  assert.deepEqual(await left(), [...names(living.pid as number), ...names(process.pid), ...kept].sort());

  await removeTemporary(cache, { own: true });
  assert.deepEqual(await left(), [...names(living.pid as number), ...kept].sort());
});

test('pruning removes parts no build used for an hour and the old per-tree caches, and nothing else', async () => {
  const cache = await tempDir();
  dirs.push(cache);
  const part = (n: number) => join(cache, String(n).repeat(24));
  const [used, recent, stale, unfinished, read] = [1, 2, 3, 4, 6].map(part) as [string, string, string, string, string];
  for (const dir of [used, recent, stale, read]) {
    await mkdir(dir);
    await writeFile(join(dir, '.complete'), '');
  }
  await mkdir(unfinished);
  const hourAndMore = new Date(Date.now() - 61 * 60 * 1000);
  await utimes(join(stale, '.complete'), hourAndMore, hourAndMore);
  await utimes(join(used, '.complete'), hourAndMore, hourAndMore);
  // Found by a build of another tree that is still copying it: in use now.
  await utimes(join(read, '.complete'), hourAndMore, hourAndMore);
  assert.equal(await cachedPart(cache, String(6).repeat(24)), read);
  assert.equal(await cachedPart(cache, String(4).repeat(24)), undefined, 'an unfinished part is not found');
  // The older layout, one cache per content tree: a folder named by the tree's hash, with a “.root” file.
  const oldTree = join(cache, '0a1b2c3d4e5f');
  await mkdir(join(oldTree, String(5).repeat(24)), { recursive: true });
  await writeFile(join(oldTree, '.root'), '/tmp/some-tree');
  // Whatever else is in a folder GONGKAI_SITE_CACHE names stays.
  const others = ['.building-0a1b2c3d4e5f-1', 'notes', 'abcdef012345', 'report.txt'].map((n) => join(cache, n));
  for (const dir of others.slice(0, 3)) await mkdir(dir);
  await writeFile(others[3] as string, 'keep me');

  await pruneParts(cache, new Set([String(1).repeat(24)]));
  assert.deepEqual((await readdir(cache)).map((n) => join(cache, n)).sort(), [used, recent, read, ...others].sort());
});

test('GONGKAI_SITE_CACHE: one cache for every content tree, another folder, or none', () => {
  assert.equal(readSettings({ GONGKAI_CONTENT: '/a/content' }).site.cacheDir, DEFAULT_SITE_CACHE);
  assert.equal(readSettings({ GONGKAI_CONTENT: '/b/content' }).site.cacheDir, DEFAULT_SITE_CACHE);
  assert.equal(readSettings({ GONGKAI_SITE_CACHE: 'ci-cache' }, '/work').site.cacheDir, '/work/ci-cache');
  assert.equal(readSettings({ GONGKAI_SITE_CACHE: 'ci-cache' }, '/work').site.cache, true);
  assert.equal(readSettings({ GONGKAI_SITE_CACHE: '0' }).site.cache, false);
});

test('a site cache outside the project is refused, saying where it must be', async () => {
  await assert.rejects(openSiteCache('/tmp/gongkai-site-cache'), (e: Error) => {
    assert.equal(e.name, 'UserError');
    assert.match(e.message, /GONGKAI_SITE_CACHE 须是本项目（.*）中的文件夹.*现在是 \/tmp\/gongkai-site-cache/);
    return true;
  });
  await assert.rejects(openSiteCache(PROJECT_ROOT), /GONGKAI_SITE_CACHE 须是本项目/);
});
