// Every bad input of test/fixtures/bad/ is rejected clearly and publishes nothing.
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { contentWith, readFixtures, tempDir } from '../helpers/content.ts';
import { assertRejected, smokeRejected } from '../helpers/rejection.ts';

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

const cases = await readFixtures('bad');

describe('bad input', () => {
  for (const { name, fixture } of cases) {
    test(`${name}: ${fixture.title}`, async () => {
      const root = await contentWith(fixture.edits);
      cleanup.push(root);
      await assertRejected(root, fixture);
    });
  }
});

test('npm run check and npm run build refuse bad input (spawned once)', async () => {
  const { fixture } = cases.find((c) => c.name === 'figure-does-not-add-up') ?? cases[0]!;
  const root = await contentWith(fixture.edits);
  cleanup.push(root);
  await smokeRejected(root, fixture, cleanup);
});

test('a mistyped setting (GONGKAI_PDF=no) stops the build before it writes anything, in Chinese', async () => {
  const out = await tempDir();
  cleanup.push(out);
  const build = await runScript('build', ['--out', join(out, 'dist')], { GONGKAI_PDF: 'no' });
  assert.equal(build.status, 1);
  assert.match(build.stderr, /错误：环境变量 GONGKAI_PDF 只能是 0（不生成 PDF）或 1，现在是“no”。/);
  assert.doesNotMatch(build.stderr, STACK_TRACE);
  assert.deepEqual(await readdir(out), [], 'nothing written');
});
