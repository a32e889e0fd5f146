// The contract for every rejected input (test/fixtures/bad/ and hostile/),
// asserted in this process through the engine `npm run check` and `npm run
// build` use (scanContent, failed, formatHuman): the exact rule at the right
// file and line, in Chinese, without a stack trace, the build gate closed,
// and nothing a payload would create. One spawned check and build per
// fixture folder (smokeRejected) covers the commands themselves.
import assert from 'node:assert/strict';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { markOutput, OUTPUT_MARKER } from '../../src/build/output-dir.ts';
import { failed } from '../../src/checks/index.ts';
import { formatHuman } from '../../src/cli/format-findings.ts';
import { scanContent } from '../../src/scan/scan.ts';
import { runScript, STACK_TRACE } from './cli.ts';
import { lineOf, tempDir, type FixtureCase } from './content.ts';
import { testScanPool } from './scan-pool.ts';
import { settledEntries } from './output.ts';

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export async function assertMarkerAbsent(root: string, fixture: FixtureCase): Promise<void> {
  if (fixture.marker) assert.equal(await exists(join(root, fixture.marker)), false, 'the payload never ran');
}

export async function assertRejected(root: string, fixture: FixtureCase): Promise<void> {
  const expected = fixture.expect;
  assert.ok(expected, 'a rejected fixture states what it expects');
  const result = await scanContent(root, { cache: false, pool: testScanPool() });
  assert.ok(failed(result), 'the build gate is closed (npm run check exits 1, npm run build writes nothing)');
  const candidates = result.findings.filter((f) => f.rule === expected.rule && f.file.endsWith(expected.file));
  const hit = candidates.find((f) => expected.message.every((w) => f.message.includes(w))) ?? candidates[0];
  assert.ok(
    hit,
    `expected ${expected.rule} in ${expected.file}; got ${JSON.stringify(
      result.findings.filter((f) => !f.acknowledged),
      null,
      1,
    )}`,
  );
  const line = expected.lineOf ? await lineOf(root, expected.file, expected.lineOf) : expected.line;
  if (line !== undefined) assert.equal(hit.line, line, `line of ${expected.rule}: ${hit.message}`);
  for (const words of expected.message)
    assert.ok(hit.message.includes(words), `message “${hit.message}” mentions “${words}”`);
  for (const words of expected.hint ?? [])
    assert.ok(hit.hint?.includes(words), `hint “${hit.hint}” mentions “${words}”`);
  assert.match(hit.message, /[\u4e00-\u9fff]/, 'the message is in Chinese');
  assert.equal(hit.acknowledged, undefined);
  const human = formatHuman(result, root, false);
  if (line !== undefined)
    assert.ok(human.includes(`${expected.file}:${line}:`), `human output names file:line\n${human}`);
  assert.doesNotMatch(human, STACK_TRACE);
  await assertMarkerAbsent(root, fixture);
}

/** The commands themselves, once per fixture folder: check exits 1, build exits 1 and writes nothing. */
export async function smokeRejected(root: string, fixture: FixtureCase, cleanup: string[]): Promise<void> {
  const expected = fixture.expect;
  assert.ok(expected);
  const env = { GONGKAI_CONTENT: root };
  const json = await runScript('check', ['--format=json'], env);
  assert.equal(json.status, 1, json.stderr);
  assert.ok(
    (JSON.parse(json.stdout) as { findings: { rule: string }[] }).findings.some((f) => f.rule === expected.rule),
  );
  const human = await runScript('check', [], env);
  assert.equal(human.status, 1);
  assert.doesNotMatch(human.stdout + human.stderr, STACK_TRACE);

  const out = await tempDir();
  cleanup.push(out);
  const dist = join(out, 'dist');
  await mkdir(dist);
  await markOutput(dist);
  await writeFile(join(dist, 'index.html'), 'previous build');
  const build = await runScript('build', ['--out', dist], env);
  assert.equal(build.status, 1, build.stdout);
  assert.doesNotMatch(build.stdout + build.stderr, STACK_TRACE);
  assert.deepEqual((await readdir(dist)).sort(), [OUTPUT_MARKER, 'index.html'], 'nothing written to dist/');
  assert.equal(await readFile(join(dist, 'index.html'), 'utf8'), 'previous build', 'dist/ untouched');
  assert.deepEqual(await settledEntries(out), ['dist'], 'no staging folder left behind');
  await assertMarkerAbsent(root, fixture);
}
