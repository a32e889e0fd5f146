// SHA256SUMS lists every published file with its hash. Files copied from a
// cached site part take the hash the part kept, but only while they are as
// copied: anything written over them afterwards is hashed again.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { mergePart } from '../../../src/build/part-builds.ts';
import { partSums } from '../../../src/build/part-cache.ts';
import { formatManifest, hashTree, type KnownHashes } from '../../../src/build/sha256sums.ts';
import { tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function put(dir: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), text);
  }
}

test('a merged part brings its hashes; a file changed after the merge is hashed again', async () => {
  const [part, site] = [await tempDir(), await tempDir()];
  dirs.push(part, site);
  await put(part, { 'reports/2023/kgxj/index.html': '<p>一</p>', 'years/2023/index.html': '<p>二</p>' });
  // The part's record, deliberately not the files' real hashes: a hash taken from it shows up as this.
  const recorded = new Map([
    ['reports/2023/kgxj/index.html', 'a'.repeat(64)],
    ['years/2023/index.html', 'b'.repeat(64)],
  ]);
  await writeFile(partSums(part), formatManifest(recorded));
  const known: KnownHashes = new Map();
  await mergePart(part, site, 'web', known);
  await put(site, { 'data/2023/kgxj.json': '{}' });

  assert.deepEqual(
    [...(await hashTree(site, known))],
    [
      ['data/2023/kgxj.json', sha256('{}')],
      ['reports/2023/kgxj/index.html', 'a'.repeat(64)],
      ['years/2023/index.html', 'b'.repeat(64)],
    ],
  );
  // Written over after the merge (a later step, a person): its own hash, not the part's.
  await writeFile(join(site, 'years/2023/index.html'), '<p>改过的</p>');
  const hashes = await hashTree(site, known);
  assert.equal(hashes.get('years/2023/index.html'), sha256('<p>改过的</p>'));
  assert.equal(hashes.get('reports/2023/kgxj/index.html'), 'a'.repeat(64));
  // Without the record (verify, or a part cached before parts kept one), every file is hashed.
  assert.equal((await hashTree(site)).get('reports/2023/kgxj/index.html'), sha256('<p>一</p>'));
  assert.equal(await readFile(join(site, 'reports/2023/kgxj/index.html'), 'utf8'), '<p>一</p>');
});

test('a part cached without its hashes merges as before, and its files are hashed', async () => {
  const [part, site] = [await tempDir(), await tempDir()];
  dirs.push(part, site);
  await put(part, { 'index.html': '<p>首页</p>' });
  const known: KnownHashes = new Map();
  await mergePart(part, site, 'web', known);
  assert.equal(known.size, 0);
  assert.deepEqual([...(await hashTree(site, known))], [['index.html', sha256('<p>首页</p>')]]);
});
