// The output is swapped in whole; the previous one is removed afterwards,
// without the build waiting for it, and never taken for an output to restore.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { publishDir, recoverDir, stagingDir } from '../../../src/build/atomic-dir.ts';
import { tempDir } from '../../helpers/content.ts';
import { BEING_REMOVED, settledEntries } from '../../helpers/output.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function outputWith(dir: string, text: string, files = 1) {
  await mkdir(join(dir, 'reports'), { recursive: true });
  await writeFile(join(dir, 'index.html'), text);
  for (let i = 0; i < files; i++) await writeFile(join(dir, 'reports', `${i}.html`), text);
}

test('publishing swaps the new output in at once and removes the previous one afterwards', async () => {
  const parent = await tempDir();
  dirs.push(parent);
  const dest = join(parent, 'dist');
  await outputWith(dest, 'previous', 500);
  const { dir: staging } = await stagingDir(dest);
  await outputWith(staging, 'new');

  await publishDir(staging, dest);
  assert.equal(await readFile(join(dest, 'index.html'), 'utf8'), 'new');
  assert.deepEqual(await readdir(join(dest, 'reports')), ['0.html'], 'the new output only, not merged');
  const aside = (await readdir(parent)).filter((e) => e !== 'dist');
  assert.ok(
    aside.every((e) => BEING_REMOVED.test(e)),
    `nothing but the previous output being removed: ${aside}`,
  );
  assert.deepEqual(await settledEntries(parent), ['dist'], 'the previous output is removed');
});

test('a previous output whose removal did not finish is removed by the next build, never restored', async () => {
  const parent = await tempDir();
  dirs.push(parent);
  const dest = join(parent, 'dist');
  // As if the removing process had been killed, and dist/ then deleted by hand.
  await outputWith(join(parent, '.dist.removing-999999-1'), 'previous');
  await recoverDir(dest);
  assert.deepEqual(await readdir(parent), []);
  assert.equal(existsSync(dest), false, 'a folder being removed is not an output to put back');
});
