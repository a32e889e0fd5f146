// Every bad input of test/fixtures/bad/: `npm run check` exits 1 with one
// readable Chinese message at the right file and line, no stack trace; and
// `npm run build` publishes nothing (an existing dist/ stays byte-identical).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { contentWith, lineOf, readFixtures, tempDir } from '../helpers/content.ts';

interface JsonFinding {
  file: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
  hint: string | null;
  acknowledged: string | null;
}

const cases = await readFixtures('bad');
const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

describe('bad input', () => {
  for (const { name, fixture } of cases) {
    test(`${name}: ${fixture.title}`, async () => {
      const expected = fixture.expect;
      assert.ok(expected, 'a bad fixture states what it expects');
      const root = await contentWith(fixture.edits);
      cleanup.push(root);

      const json = await runScript('check', ['--format=json'], { GONGKAI_CONTENT: root });
      assert.equal(json.status, 1, json.stderr);
      const findings = (JSON.parse(json.stdout) as { findings: JsonFinding[] }).findings;
      const hit = findings.find((f) => f.rule === expected.rule && f.file.endsWith(expected.file));
      assert.ok(hit, `expected ${expected.rule} in ${expected.file}; got ${JSON.stringify(findings, null, 1)}`);
      const line = expected.lineOf ? await lineOf(root, expected.file, expected.lineOf) : expected.line;
      assert.equal(hit.line, line, `line of ${expected.rule}: ${hit.message}`);
      for (const words of expected.message)
        assert.ok(hit.message.includes(words), `message “${hit.message}” mentions “${words}”`);
      for (const words of expected.hint ?? [])
        assert.ok(hit.hint?.includes(words), `hint “${hit.hint}” mentions “${words}”`);
      assert.match(hit.message, /[\u4e00-\u9fff]/, 'the message is in Chinese');
      assert.equal(hit.acknowledged, null);

      const human = await runScript('check', [], { GONGKAI_CONTENT: root });
      assert.equal(human.status, 1);
      assert.ok(human.stdout.includes(`${expected.file}:${line}:`), `human output names file:line\n${human.stdout}`);
      assert.doesNotMatch(human.stdout + human.stderr, STACK_TRACE);

      const out = await tempDir();
      cleanup.push(out);
      const dist = join(out, 'dist');
      await mkdir(dist);
      await writeFile(join(dist, 'index.html'), 'previous build');
      const build = await runScript('build', ['--out', dist], { GONGKAI_CONTENT: root });
      assert.equal(build.status, 1, build.stdout);
      assert.doesNotMatch(build.stdout + build.stderr, STACK_TRACE);
      assert.equal(await readFile(join(dist, 'index.html'), 'utf8'), 'previous build', 'dist/ untouched');
      assert.ok(!existsSync(join(out, '.dist.staging-' + String(process.pid))));
    });
  }
});
