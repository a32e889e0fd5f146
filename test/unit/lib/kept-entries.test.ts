// The cache files of the check and of the data files (src/lib/kept-entries.ts):
// a run finds exactly what the last run used; a small change is appended to
// the journal, not written as a whole new file; a journal cut short is read
// up to the cut.
import assert from 'node:assert/strict';
import { appendFile, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { journalOf, openKeptEntries } from '../../../src/lib/kept-entries.ts';
import { tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function cacheFile() {
  const dir = await tempDir();
  dirs.push(dir);
  return join(dir, 'cache.json');
}

/** One run: opens the file, uses `use`, adds `add`, saves; returns what it found of `use`. */
async function run(file: string, use: string[], add: Record<string, string> = {}) {
  const cache = await openKeptEntries<string>(file, `${file}.tmp`);
  const found = use.map((key) => cache.get(key));
  for (const [key, value] of Object.entries(add)) cache.set(key, value);
  await cache.save();
  return found;
}

const keys = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `k${from + i}`);
const entries = (ks: string[], value = 'v') => Object.fromEntries(ks.map((k) => [k, `${value}${k}`]));

test('a run finds exactly what the last run used, however the file was written', async () => {
  const file = await cacheFile();
  await run(file, [], entries(keys(100)));
  // One changed: k0 no longer used, k100 new (journalled).
  await run(file, keys(99, 1), entries(['k100']));
  const third = await run(file, keys(101));
  assert.deepEqual([third[0], third[1], third[100]], [undefined, 'vk1', 'vk100']);
  // Now many change: the file is written whole and holds only this run's entries.
  await run(file, keys(50, 1), entries(keys(60, 200)));
  assert.deepEqual(await run(file, ['k1', 'k50', 'k51', 'k100', 'k200', 'k259']), [
    'vk1',
    'vk50',
    undefined,
    undefined,
    'vk200',
    'vk259',
  ]);
});

test('a one-entry change is appended to the journal; the file is rewritten once the journal is long', async () => {
  const file = await cacheFile();
  await run(file, [], entries(keys(100)));
  const whole = await readFile(file, 'utf8');
  const written = (await stat(file)).mtimeMs;
  for (let i = 0; i < 12; i++) await run(file, [...keys(99, i + 1)], entries([`k${100 + i}`]));
  assert.equal(await readFile(file, 'utf8'), whole, 'twelve one-report edits: the file is as it was');
  assert.equal((await stat(file)).mtimeMs, written);
  assert.equal((await readFile(journalOf(file), 'utf8')).trim().split('\n').length, 24, 'each: one added, one dropped');
  await run(file, [...keys(99, 13)], entries(['k112']));
  assert.ok((await stat(file)).mtimeMs > written, 'past a quarter of the entries: written whole');
  await assert.rejects(stat(journalOf(file)), 'and the journal is gone');
  assert.deepEqual(Object.keys(JSON.parse(await readFile(file, 'utf8')) as object).sort(), [...keys(100, 13)].sort());
  assert.deepEqual(
    (await readdir(join(file, '..'))).filter((f) => f.endsWith('.tmp')),
    [],
  );
});

test('nothing changed: nothing is written', async () => {
  const file = await cacheFile();
  await run(file, [], entries(keys(20)));
  const written = (await stat(file)).mtimeMs;
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(await run(file, keys(20)), Object.values(entries(keys(20))));
  assert.equal((await stat(file)).mtimeMs, written);
  await assert.rejects(stat(journalOf(file)));
});

test('a journal line cut short by a killed run is skipped; the lines before it count', async () => {
  const file = await cacheFile();
  await run(file, [], entries(keys(100)));
  await run(file, keys(100), entries(['new']));
  await appendFile(journalOf(file), '["k5"]\n["half-writ');
  assert.deepEqual(await run(file, ['new', 'k5', 'k6']), ['vnew', undefined, 'vk6']);
});
