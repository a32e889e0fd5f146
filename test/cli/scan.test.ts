// The one check engine (src/scan/scan.ts): a cached run reports exactly what
// a fresh one does, and the content index holds what the build needs.
import assert from 'node:assert/strict';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { PROJECT_ROOT } from '../../src/config.ts';
import { contentIndex, createScanPool, scanContent } from '../../src/scan/scan.ts';
import { journalOf } from '../../src/lib/kept-entries.ts';
import { openTreeCache, unchangedSinceLastRun } from '../../src/scan/tree-cache.ts';
import { LAYOUT } from '../../src/source/content-root.ts';
import { syncDiskSource } from '../../src/source/content-source.ts';
import { contentWith, SEED_CONTENT, SEED_REPORT } from '../helpers/content.ts';
import { testScanPool } from '../helpers/scan-pool.ts';

test('a cached check reports exactly what a fresh one does', async () => {
  // Department files that do not parse, break the schema, or clash with another (found by the cross-file rules, at their line).
  const badRegistry = await contentWith([
    { file: 'departments/broken.yaml', write: 'id: [broken\n' },
    { file: 'departments/schema.yaml', write: 'id: schema\nname: 单位\nwebsite: https://example.gov.cn/\n' },
    { file: 'departments/other.yaml', write: '# 登记\nname: 另一个单位\nid: kgxj\n' },
  ]);
  try {
    for (const root of [SEED_CONTENT, join(PROJECT_ROOT, 'test/fixtures/sites/multi'), badRegistry]) {
      const fresh = await scanContent(root, { cache: false, pool: testScanPool() });
      for (const run of [1, 2]) {
        const cached = await scanContent(root, { cache: true, pool: testScanPool() });
        assert.deepEqual(cached.findings, fresh.findings, `${root} (cached run ${run})`);
        assert.equal(cached.reports, fresh.reports);
      }
      if (root === badRegistry)
        assert.deepEqual(
          fresh.findings.filter((f) => f.file.startsWith('departments/')).map((f) => [f.file, f.line, f.rule]),
          [
            ['departments/broken.yaml', 2, 'source.yaml'],
            ['departments/other.yaml', 3, 'content.department-id'],
            ['departments/other.yaml', 3, 'content.department-id'],
            ['departments/schema.yaml', 3, 'schema.unknown-key'],
          ],
        );
    }
  } finally {
    await rm(badRegistry, { recursive: true, force: true });
  }
});

test('the content index holds the valid reports with their figures and rendered bodies', async () => {
  const index = contentIndex(await scanContent(SEED_CONTENT, { render: true, pool: testScanPool() }));
  assert.equal(index.site?.organizer, '保靖县财政局');
  assert.deepEqual(
    index.departments.map((d) => d.id),
    ['kgxj'],
  );
  assert.deepEqual(
    index.reports.map((r) => [r.file, r.data.budget.final]),
    [['reports/2023/kgxj.mdx', '825.75']],
  );
  assert.match(index.reports[0]?.body?.html ?? '', /<h2 id="一部门基本情况">一、部门基本情况<\/h2>/);
});

test('the cache file is written when results change, and left alone when a run only reads it', async () => {
  const root = await contentWith();
  try {
    const first = await openTreeCache(root, false);
    await rm(first.file, { force: true });
    await scanContent(root, { cache: true, pool: testScanPool() });
    const written = (await stat(first.file)).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await scanContent(root, { cache: true, pool: testScanPool() });
    assert.equal((await stat(first.file)).mtimeMs, written, 'nothing new: not rewritten');
    await writeFile(join(root, SEED_REPORT), `${await readFile(join(root, SEED_REPORT), 'utf8')}\n补充一段。\n`);
    await scanContent(root, { cache: true, pool: testScanPool() });
    assert.equal((await stat(first.file)).mtimeMs, written, 'one report changed: the file is as it was…');
    const journal = await readFile(journalOf(first.file), 'utf8');
    assert.equal(journal.trim().split('\n').length, 2, '…and the journal holds its new result, and drops the old');
    assert.match(journal, /"findings"/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('an unchanged report is found by its file times; one changed in place is read again, even with its size and modification time kept', async () => {
  const root = await contentWith();
  try {
    const keys = (await openTreeCache(root, false)).file.replace(/\.json$/, '-keys.json');
    const recorded = async () =>
      (await readFile(keys, 'utf8').catch(() => '')) + (await readFile(journalOf(keys), 'utf8').catch(() => ''));
    const scan = async () => (await scanContent(root, { cache: true, pool: testScanPool() })).findings;
    const file = join(root, SEED_REPORT);
    // Whole seconds, so the test can put the very same time back after its edit.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await utimes(file, mtime, mtime);
    await scan();
    assert.doesNotMatch(await recorded(), /kgxj\.mdx/, 'just changed: read every time, not known by its times');
    await new Promise((r) => setTimeout(r, 1100));
    const before = await scan();
    assert.match(await recorded(), /reports\/2023\/kgxj\.mdx/, 'a second later: known by its times');
    assert.deepEqual(await scan(), before);

    const was = await stat(file, { bigint: true });
    await writeFile(file, (await readFile(file, 'utf8')).replace('final: 825.75', 'final: 825.76'));
    await utimes(file, mtime, mtime);
    const now = await stat(file, { bigint: true });
    assert.deepEqual([now.size, now.mtimeNs, now.ino], [was.size, was.mtimeNs, was.ino], 'size, time and inode kept');
    const fresh = (await scanContent(root, { cache: false, pool: testScanPool() })).findings;
    assert.notDeepEqual(fresh, before, 'the edit changes what the check finds');
    assert.deepEqual(await scan(), fresh);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a tree unchanged since its last scan is told by its file times, so no worker loads the checks ahead; any edit, and the other mode, are not', async () => {
  const root = await contentWith();
  try {
    const files = async () => (await syncDiskSource(root).list(LAYOUT.reports)).files;
    const unchanged = async (render = false) => unchangedSinceLastRun(root, render, await files());
    assert.equal(await unchanged(), false, 'never scanned');
    await scanContent(root, { cache: true, pool: testScanPool() });
    assert.equal(await unchanged(), true);
    assert.equal(await unchanged(true), false, "the check's scan says nothing of the build's, which renders");
    await writeFile(join(root, SEED_REPORT), `${await readFile(join(root, SEED_REPORT), 'utf8')}\n补充一段。\n`);
    assert.equal(await unchanged(), false, 'a report edited');
    await scanContent(root, { cache: true, pool: testScanPool() });
    assert.equal(await unchanged(), true);
    await writeFile(join(root, 'reports/2023/notes.txt'), '草稿\n');
    assert.equal(await unchanged(), false, 'a file added');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('a report whose check runs past the time limit is an error of that report, at its first line', async () => {
  // A pool whose workers get 1 ms: the seed report cannot be read in time.
  const pool = createScanPool(1, 1);
  try {
    const result = await scanContent(SEED_CONTENT, { cache: false, pool });
    const limited = result.findings.filter((f) => f.rule === 'source.too-complex');
    assert.deepEqual(
      limited.map((f) => [f.file, f.line, f.severity]),
      [[SEED_REPORT, 1, 'error']],
    );
    assert.match(limited[0]?.message ?? '', /^解析超过 \d+ 秒仍未完成，已停止$/);
    assert.match(limited[0]?.hint ?? '', /正常报告的解析只需几毫秒/);
  } finally {
    await pool.close();
  }
});

test('the caller hears once every report is with a worker or answered from the cache, before the results, and only once', async () => {
  const root = await contentWith([{ file: SEED_REPORT, copyTo: 'reports/2023/kgxj-b.mdx' }]);
  try {
    for (const cache of [false, true]) {
      const events: string[] = [];
      const result = await scanContent(root, {
        cache,
        pool: testScanPool(),
        dispatched: () => events.push('dispatched'),
        progress: (done, total) => events.push(`${done}/${total}`),
      });
      assert.equal(result.reports, 2);
      // Without the cache both reports go to the workers, and the caller may do its own work while they check.
      assert.deepEqual(events, ['dispatched', '1/2', '2/2'], `cache ${cache}`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
