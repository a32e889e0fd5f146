// test/fixtures/hostile/: report files as untrusted data. Code, scripts,
// unsafe URLs, resource bombs and path tricks are each rejected by their
// exact rule with nothing written; harmless look-alikes and large-but-legal
// inputs are accepted.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { runScript } from '../helpers/cli.ts';
import { contentWith, readFixtures } from '../helpers/content.ts';
import { assertRejected } from '../helpers/rejection.ts';

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

const cases = await readFixtures('hostile');

test('the hostile corpus has at least 25 rejected cases', () => {
  assert.ok(cases.filter((c) => !c.fixture.accept).length >= 25);
});

describe('hostile input', () => {
  for (const { name, fixture } of cases) {
    test(`${name}: ${fixture.title}`, async () => {
      const root = await contentWith(fixture.edits);
      cleanup.push(root);
      if (!fixture.accept) return assertRejected(root, fixture, cleanup);
      const r = await runScript('check', ['--format=json'], { GONGKAI_CONTENT: root, ...fixture.env });
      assert.equal(r.status, 0, r.stdout);
    });
  }
});
