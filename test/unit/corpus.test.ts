// The benchmark corpus generator: deterministic, valid by the checks, and
// its deliberate faults are caught.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import { failed } from '../../src/checks/index.ts';
import { scanContent } from '../../src/scan/scan.ts';
import { hashTree } from '../../src/build/sha256sums.ts';
import { writeCorpus } from '../../scripts/corpus/write.ts';
import { tempDir } from '../helpers/content.ts';
import { testScanPool } from '../helpers/scan-pool.ts';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

test('a generated corpus is valid: no finding at all', async () => {
  const out = await tempDir();
  dirs.push(out);
  const s = await writeCorpus({ departments: 12, years: 2, out });
  assert.equal(s.reports, 24);
  const result = await scanContent(out, { cache: false, pool: testScanPool() });
  assert.equal(result.reports, 24);
  assert.deepEqual(result.findings, []);
});

test('the same options give the same bytes', async () => {
  const [a, b] = [await tempDir(), await tempDir()];
  dirs.push(a, b);
  await writeCorpus({ departments: 5, years: 2, out: a, seed: 7 });
  await writeCorpus({ departments: 5, years: 2, out: b, seed: 7 });
  assert.deepEqual([...(await hashTree(a))], [...(await hashTree(b))]);
});

test('injected faults are found by the checks', async () => {
  const out = await tempDir();
  dirs.push(out);
  const s = await writeCorpus({ departments: 30, years: 1, out, faults: 0.5, seed: 3 });
  assert.ok(s.faulty > 5);
  const result = await scanContent(out, { cache: false, pool: testScanPool() });
  const faultyFiles = new Set(result.findings.map((f) => f.file));
  assert.equal(faultyFiles.size, s.faulty);
  assert.ok(failed(result));
});
