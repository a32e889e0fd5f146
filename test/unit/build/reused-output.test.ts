// A build starts from the output before the published one (kept beside it
// with a record of what it holds): what is already right is kept, the rest
// written, what is no longer made removed. Nothing there is taken on trust:
// an output edited in place, or with files added, is never published again.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { cp, lstat, mkdir, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { after, test } from 'node:test';
import { publishDir } from '../../../src/build/atomic-dir.ts';
import { checkPreviousOutput, recordOutput, startOutput, type ReusedOutput } from '../../../src/build/reused-output.ts';
import { hashTree } from '../../../src/build/sha256sums.ts';
import { listFiles } from '../../../src/lib/list-files.ts';
import { tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const run = promisify(execFile);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What a build does with its output folder, with these files as its whole
 * output; `settle` waits past the second in which files count as just written.
 */
async function build(dest: string, files: Record<string, string>, settle = true): Promise<ReusedOutput | undefined> {
  const { dir, reused: start } = await startOutput(dest, checkPreviousOutput(dest));
  const known = new Map();
  const reused = start?.(known);
  for (const [file, text] of Object.entries(files)) {
    if (reused?.keep(file, sha256(text))) continue;
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
    reused?.wrote(file);
  }
  await reused?.removeStale();
  if (settle) await sleep(1100);
  await publishDir(dir, dest, await recordOutput(dir, await hashTree(dir, known)));
  return reused;
}

async function contents(dir: string): Promise<Record<string, string>> {
  const files = await listFiles(dir);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [f, await readFile(join(dir, f), 'utf8')])));
}

const inode = async (path: string) => (await stat(path)).ino;

async function newDest() {
  const parent = await tempDir();
  dirs.push(parent);
  return join(parent, 'dist');
}

const SITE = { 'index.html': '首页', 'reports/2023/a/index.html': '甲', 'data/2023/a.json': '{"a":1}' };

test('a build starts from the output before: what is right is kept as it is, the rest written, the rest removed', async () => {
  const dest = await newDest();
  assert.equal(await build(dest, SITE), undefined, 'the first build has nothing to start from');
  const first = await inode(join(dest, 'index.html'));
  await build(dest, SITE);
  const next = {
    'index.html': '首页',
    'reports/2023/a/index.html': '甲（改）',
    'reports/2024/b/index.html': '乙',
  };
  const reused = await build(dest, next);
  assert.equal(reused?.unchanged, 1, 'started from the output before the published one: index.html kept');
  assert.deepEqual(await contents(dest), next, 'exactly what this build makes');
  assert.equal(await inode(join(dest, 'index.html')), first, 'an unchanged file is kept, not written again');
  assert.deepEqual((await readdir(dest)).sort(), ['index.html', 'reports'], 'a folder left empty is removed');
});

test('an output edited in place, or with files added, is not published again', async () => {
  const dest = await newDest();
  await build(dest, SITE);
  await build(dest, SITE);
  // The published output, changed by hand: it is the one the build after next starts from.
  const page = join(dest, 'reports/2023/a/index.html');
  const { mtimeNs } = await stat(page, { bigint: true });
  await writeFile(page, '丙'); // the same number of bytes as 甲
  // Its modification time put back to the nanosecond: only the change time tells.
  await run('touch', [
    '-m',
    '-d',
    `@${mtimeNs / 1_000_000_000n}.${`${mtimeNs % 1_000_000_000n}`.padStart(9, '0')}`,
    page,
  ]);
  assert.equal((await stat(page, { bigint: true })).mtimeNs, mtimeNs);
  await writeFile(join(dest, 'extra.html'), '<script>alert(1)</script>');
  await mkdir(join(dest, 'junk/deep'), { recursive: true });
  await writeFile(join(dest, 'junk/deep/x.html'), 'x');
  await rm(join(dest, 'data/2023/a.json'));
  await symlink('/etc/passwd', join(dest, 'data/2023/a.json'));

  await build(dest, SITE);
  const reused = await build(dest, SITE);
  assert.ok(reused);
  assert.deepEqual(await contents(dest), SITE);
  assert.equal((await lstat(join(dest, 'data/2023/a.json'))).isFile(), true, 'the link was replaced by the file');
});

test('a record of another code version, or of another folder, is not used', async () => {
  const dest = await newDest();
  await build(dest, SITE);
  await build(dest, SITE);
  const previous = join(dirname(dest), '.dist.previous');
  const record = JSON.parse(await readFile(`${previous}.json`, 'utf8'));
  await writeFile(`${previous}.json`, JSON.stringify({ ...record, code: 'another' }));
  assert.equal(await build(dest, SITE), undefined, 'another code version: started from nothing');
  assert.deepEqual(await contents(dest), SITE);

  await build(dest, SITE);
  // The same files and modification times, but not the folder the record was made of.
  await cp(previous, `${previous}-copy`, { recursive: true });
  await rm(previous, { recursive: true });
  await cp(`${previous}-copy`, previous, { recursive: true, preserveTimestamps: true });
  await rm(`${previous}-copy`, { recursive: true });
  // Its inode may be the freed one's again: then each file, a copy with times of its own, is refused.
  assert.equal((await build(dest, SITE))?.unchanged ?? 0, 0, 'another folder: nothing of it kept');
  assert.deepEqual(await contents(dest), SITE);
});

test('a file written within a second of the record is read again before it is kept', async () => {
  const dest = await newDest();
  await build(dest, SITE, false);
  await build(dest, SITE, false);
  // As if index.html had been changed to 首页 (its bytes now) just after a record that said 新首页, in the same tick of the clock.
  const previous = join(dirname(dest), '.dist.previous.json');
  const record = JSON.parse(await readFile(previous, 'utf8'));
  assert.equal(record.files['index.html'][2], 1, 'written within the second: marked');
  record.files['index.html'][0] = sha256('新首页');
  await writeFile(previous, JSON.stringify(record));
  await build(dest, { ...SITE, 'index.html': '新首页' });
  assert.equal(await readFile(join(dest, 'index.html'), 'utf8'), '新首页');
});
