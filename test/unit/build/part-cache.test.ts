// The site cache is shared by every build of a content tree on this machine:
// a build cleans up what killed builds left, never what a running one writes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildingDir, openSiteCache, planDir, removeTemporary } from '../../../src/build/part-cache.ts';
import { cacheDirFor } from '../../../src/config.ts';
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

test('opening a tree’s site cache removes the caches of trees that are gone, and only those', async () => {
  const trees = await tempDir();
  dirs.push(trees);
  const [kept, gone, mine] = ['kept', 'gone', 'mine'].map((n) => join(trees, n)) as [string, string, string];
  for (const tree of [kept, gone, mine]) await mkdir(tree);
  const caches = [kept, gone].map((tree) => cacheDirFor(tree, 'site'));
  dirs.push(...caches, cacheDirFor(mine, 'site'));
  for (const [i, tree] of [kept, gone].entries()) {
    await openSiteCache(tree);
    await mkdir(join(caches[i] as string, '0a1b2c3d4e5f'));
  }
  await rm(gone, { recursive: true });

  assert.equal(await openSiteCache(mine), cacheDirFor(mine, 'site'));
  assert.deepEqual(await readdir(caches[0] as string), ['.root', '0a1b2c3d4e5f'].sort());
  assert.equal(existsSync(caches[1] as string), false, 'the cache of a tree that is gone is removed');
});
