// A part's kept renderer lives once in the site cache, named by its files, and
// each part that has it links to it: a patch imports it from the same place
// every time (Node's compile cache knows it), and a renderer no part links to
// goes once nobody has used it for the hour parts are kept. Found by its key
// (the code and site.yaml), it renders parts whole in later builds.
import assert from 'node:assert/strict';
import { lstat, mkdir, readdir, readFile, readlink, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  adoptRenderer,
  pruneRenderers,
  rendererAssets,
  rendererFor,
  rendererOf,
} from '../../../src/build/kept-renderer.ts';
import { UNUSED_FOR_MS } from '../../../src/build/part-cache.ts';
import { tempDir } from '../../helpers/content.ts';

/** A finished part in `cache` whose astro build left a renderer with this entry module. */
async function partWithRenderer(cache: string, n: number, code: string): Promise<string> {
  const part = join(cache, String(n).repeat(24));
  await mkdir(join(part, '.renderer'), { recursive: true });
  await writeFile(join(part, '.complete'), '');
  await writeFile(join(part, '.renderer', 'renderer.json'), '{"layout":1,"entry":"prerender-entry.x.mjs"}');
  await writeFile(join(part, '.renderer', 'prerender-entry.x.mjs'), code);
  return part;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 60 * 60 * 1000);

test("identical renderers are kept once, each part linking to it; another build's is another", async () => {
  const cache = await tempDir();
  const [a, b, c] = [
    await partWithRenderer(cache, 1, 'export const app = 1;'),
    await partWithRenderer(cache, 2, 'export const app = 1;'),
    await partWithRenderer(cache, 3, 'export const app = 2;'),
  ];
  const kept = [a, b, c].map((part) => adoptRenderer(cache, part));
  assert.ok(kept[0]?.startsWith(join(cache, 'renderers')), 'kept among the cache’s renderers');
  assert.equal(kept[1], kept[0], 'the same files: the same renderer');
  assert.notEqual(kept[2], kept[0]);
  assert.equal((await readdir(join(cache, 'renderers'))).length, 2);
  for (const [i, part] of [a, b, c].entries()) {
    assert.ok((await lstat(join(part, '.renderer'))).isSymbolicLink(), 'the part links to it');
    assert.doesNotMatch(await readlink(join(part, '.renderer')), /^\//, 'by a relative link');
    assert.equal(rendererOf(part), kept[i]);
  }
});

test('a renderer no part links to goes after an hour unused; a linked or recent one stays', async () => {
  const cache = await tempDir();
  const linked = adoptRenderer(cache, await partWithRenderer(cache, 1, 'export const app = 1;')) as string;
  const orphan = adoptRenderer(cache, await partWithRenderer(cache, 2, 'export const app = 2;')) as string;
  const recent = adoptRenderer(cache, await partWithRenderer(cache, 3, 'export const app = 3;')) as string;
  // The parts that linked the last two were pruned; the first is still in the cache.
  await rm(join(cache, String(2).repeat(24)), { recursive: true });
  await rm(join(cache, String(3).repeat(24)), { recursive: true });
  for (const dir of [linked, orphan]) await utimes(join(dir, 'renderer.json'), hoursAgo(2), hoursAgo(2));

  pruneRenderers(cache, UNUSED_FOR_MS);
  const left = (await readdir(join(cache, 'renderers'))).map((n) => join(cache, 'renderers', n)).sort();
  assert.deepEqual(left, [linked, recent].sort());
});

test('a renderer made with a key (code and site.yaml) is found by it, with its build’s client assets, until pruned', async () => {
  const cache = await tempDir();
  const first = await partWithRenderer(cache, 1, 'export const app = 1;');
  await mkdir(join(first, '_astro'));
  await writeFile(join(first, '_astro', 'site.css'), 'body{}');
  const kept = adoptRenderer(cache, first, 'k1') as string;
  assert.equal(rendererFor(cache, 'k1'), kept);
  assert.equal(await readFile(join(rendererAssets(kept), '_astro', 'site.css'), 'utf8'), 'body{}');
  assert.equal(rendererFor(cache, 'k2'), undefined, 'none made with other code or another site.yaml');

  const newer = adoptRenderer(cache, await partWithRenderer(cache, 2, 'export const app = 2;'), 'k1') as string;
  assert.equal(rendererFor(cache, 'k1'), newer, 'the newest for its key');

  for (const n of [1, 2]) await rm(join(cache, String(n).repeat(24)), { recursive: true });
  for (const dir of [kept, newer]) await utimes(join(dir, 'renderer.json'), hoursAgo(2), hoursAgo(2));
  pruneRenderers(cache, UNUSED_FOR_MS);
  assert.equal(rendererFor(cache, 'k1'), undefined);
  assert.deepEqual(await readdir(join(cache, 'renderers', '.by-key')), [], 'a key whose renderer is gone is removed');
});
