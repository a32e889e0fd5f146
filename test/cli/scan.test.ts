// The scan (workers; first run fills the cache, second reads it) and the
// in-thread check are one set of rules run
// two ways: on every kind of tree they must report exactly the same.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkContent } from '../../src/checks/index.ts';
import { loadContent } from '../../src/source/load.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { contentIndex, scanContent } from '../../src/scan/scan.ts';
import { contentWith, readFixtures, SEED_CONTENT } from '../helpers/content.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function sameFindings(root: string): Promise<void> {
  const inThread = checkContent(await loadContent(root));
  for (const cache of [true, true]) {
    const scanned = await scanContent(root, { cache });
    assert.deepEqual(scanned.findings, inThread.findings, `${root} (run with cache: ${cache})`);
    assert.equal(scanned.reports, inThread.reports);
  }
}

test('the seed and the multi-year fixture site', async () => {
  await sameFindings(SEED_CONTENT);
  await sameFindings(join(PROJECT_ROOT, 'test/fixtures/sites/multi'));
});

test('every bad-input fixture', async () => {
  for (const { fixture } of await readFixtures('bad')) {
    const root = await contentWith(fixture.edits);
    dirs.push(root);
    await sameFindings(root);
  }
});

test('the content index holds the valid reports with their figures', async () => {
  const index = contentIndex(await scanContent(SEED_CONTENT));
  assert.equal(index.site?.organizer, '保靖县财政局');
  assert.deepEqual(
    index.departments.map((d) => d.id),
    ['kgxj'],
  );
  assert.deepEqual(
    index.reports.map((r) => [r.file, r.data.budget.final]),
    [['reports/2023/kgxj.mdx', '825.75']],
  );
});
