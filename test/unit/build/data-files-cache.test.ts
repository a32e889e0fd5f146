// The report data files and table rows a build keeps for the next (src/build/data-files-cache.ts):
// found again only for the same figures, department and site address, and the
// file holds what the last build used, nothing older.
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import { openDataFilesCache } from '../../../src/build/data-files-cache.ts';
import type { Department } from '../../../src/schema/department.ts';
import type { Report } from '../../../src/schema/report.ts';
import { tempDir } from '../../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const report = (initial: string) => ({ year: 2024, department: 'kgxj', budget: { initial } }) as unknown as Report;
const department = (name: string) => ({ id: 'kgxj', name }) as unknown as Department;
const files = (text: string) => ({
  files: [{ path: 'data/2024/kgxj.json', text }],
  row: { json: `    { "title": "${text}" }`, csv: `${text}\r\n` },
});

test('a report’s files are found again only when what they are made from is the same', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  const url = 'https://example.gov.cn/';
  const cache = await openDataFilesCache(dir, '/content', url);
  const key = cache.key(report('100.00'), department('科工信局'));
  assert.equal(cache.get(key), undefined);
  cache.set(key, files('一'));
  await cache.save();

  const again = await openDataFilesCache(dir, '/content', url);
  assert.deepEqual(again.get(again.key(report('100.00'), department('科工信局'))), files('一'));
  assert.equal(again.get(again.key(report('101.00'), department('科工信局'))), undefined, 'a figure changed');
  assert.equal(again.get(again.key(report('100.00'), department('科技和工业信息化局'))), undefined, 'renamed');
  const elsewhere = await openDataFilesCache(dir, '/content', 'https://other.gov.cn/');
  assert.equal(elsewhere.get(elsewhere.key(report('100.00'), department('科工信局'))), undefined, 'another address');
  const otherTree = await openDataFilesCache(dir, '/other-content', url);
  assert.equal(otherTree.get(otherTree.key(report('100.00'), department('科工信局'))), undefined, 'another tree');
});

test('the file keeps what the last build used, and no temporary file is left', async () => {
  const dir = await tempDir();
  dirs.push(dir);
  const first = await openDataFilesCache(dir, '/content', 'https://example.gov.cn/');
  const old = first.key(report('100.00'), department('科工信局'));
  first.set(old, files('旧'));
  await first.save();
  const second = await openDataFilesCache(dir, '/content', 'https://example.gov.cn/');
  const now = second.key(report('200.00'), department('科工信局'));
  second.set(now, files('新'));
  await second.save();
  const third = await openDataFilesCache(dir, '/content', 'https://example.gov.cn/');
  assert.equal(third.get(old), undefined, 'the files of a report as it no longer is are dropped');
  assert.deepEqual(third.get(now), files('新'));
  assert.deepEqual(
    (await readdir(dir)).filter((f) => f.startsWith('.')),
    [],
  );
});
