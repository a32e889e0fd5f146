// test/fixtures/hostile/: report files as untrusted data. Code, scripts,
// unsafe URLs, resource bombs and path tricks are each rejected by their
// exact rule with nothing written or run; harmless look-alikes and
// large-but-legal inputs are accepted.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { failed } from '../../src/checks/index.ts';
import { scanContent } from '../../src/scan/scan.ts';
import { contentWith, readFixtures } from '../helpers/content.ts';
import { assertMarkerAbsent, assertRejected, smokeRejected } from '../helpers/rejection.ts';
import { testScanPool } from '../helpers/scan-pool.ts';

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

const cases = await readFixtures('hostile');

test('the hostile corpus has at least 50 rejected cases', () => {
  assert.ok(cases.filter((c) => !c.fixture.accept).length >= 50);
});

describe('hostile input', () => {
  for (const { name, fixture } of cases) {
    test(`${name}: ${fixture.title}`, async () => {
      const root = await contentWith(fixture.edits);
      cleanup.push(root);
      if (!fixture.accept) return assertRejected(root, fixture);
      const result = await scanContent(root, { cache: false, pool: testScanPool() });
      assert.ok(!failed(result), JSON.stringify(result.findings.filter((f) => f.severity === 'error')));
      await assertMarkerAbsent(root, fixture);
    });
  }
});

test('npm run check and npm run build refuse a build-time code payload (spawned once)', async () => {
  const { fixture } = cases.find((c) => c.name === 'v1-image-module-import') ?? cases[0]!;
  const root = await contentWith(fixture.edits);
  cleanup.push(root);
  await smokeRejected(root, fixture, cleanup);
});
