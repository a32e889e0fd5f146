// `npm run check` on the shipped content and small variations of it.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, test } from 'node:test';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { contentWith, lineOf, readFixtures, SEED_REPORT } from '../helpers/content.ts';

const cleanup: string[] = [];
after(() => Promise.all(cleanup.map((d) => rm(d, { recursive: true, force: true }))));

test('the shipped content passes, showing exactly the four acknowledged discrepancies', async () => {
  const r = await runScript('check');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const lines = r.stdout.split('\n').filter((l) => /:\d+:\d+ {2}/.test(l));
  assert.deepEqual(
    lines.map((l) => l.split(/ {2}/)[2]),
    ['text.latin-word', 'budget.evaluated-coverage', 'text.punctuation', 'text.repeated-sentence'],
  );
  assert.ok(lines.every((l) => l.includes('已确认')));
  assert.match(r.stdout, /检查了 1 份报告：0 个错误，0 个警告，4 个已确认的原文问题。/);
});

test('--strict also passes on the shipped content: its warnings are all acknowledged', async () => {
  const r = await runScript('check', ['--strict']);
  assert.equal(r.status, 0);
});

test('JSON output is stable and complete', async () => {
  const r = await runScript('check', ['--format=json']);
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout) as { version: number; summary: object; findings: Record<string, unknown>[] };
  assert.equal(out.version, 1);
  assert.deepEqual(out.summary, { reports: 1, errors: 0, warnings: 0, info: 0, acknowledged: 4 });
  assert.deepEqual(Object.keys(out.findings[0] ?? {}), [
    'file',
    'line',
    'column',
    'rule',
    'severity',
    'message',
    'hint',
    'excerpt',
    'acknowledged',
  ]);
  assert.equal(out.findings[0]?.file, 'content/reports/2023/kgxj.mdx');
});

test('GitHub format writes one annotation per finding, acknowledged ones as notices', async () => {
  const r = await runScript('check', ['--format=github']);
  const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
  assert.equal(annotations.length, 4);
  assert.ok(annotations.every((a) => a.startsWith('::notice file=content/reports/2023/kgxj.mdx,line=')));
});

test('an unacknowledged warning fails only with --strict', async () => {
  const root = await contentWith([{ file: SEED_REPORT, replace: ['统筹推进产业链建设。', '统筹推进产业链建设。。'] }]);
  cleanup.push(root);
  const plain = await runScript('check', [], { GONGKAI_CONTENT: root });
  assert.equal(plain.status, 0);
  assert.match(plain.stdout, /警告 {2}text\.punctuation {2}标点重复/);
  const strict = await runScript('check', ['--strict'], { GONGKAI_CONTENT: root });
  assert.equal(strict.status, 1);
});

test('a discrepancy fixed in the text makes its acknowledgement stale (ack.unused)', async () => {
  const root = await contentWith([{ file: SEED_REPORT, replace: ['投资规模 and 方向', '投资规模和方向'] }]);
  cleanup.push(root);
  const r = await runScript('check', ['--format=json'], { GONGKAI_CONTENT: root });
  const findings = (JSON.parse(r.stdout) as { findings: { rule: string; line: number }[] }).findings;
  const stale = findings.find((f) => f.rule === 'ack.unused');
  assert.ok(stale);
  assert.equal(stale.line, await lineOf(root, SEED_REPORT, 'rule: text.latin-word'));
});

test('an unknown --format, or a mistyped option, is a user error, not a crash; --help prints the usage', async () => {
  const [format, option, help] = await Promise.all([
    runScript('check', ['--format=xml']),
    runScript('check', ['--formt=json']),
    runScript('check', ['--help']),
  ]);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^用法：npm run check -- \[路径…\]/);
  assert.equal(help.stderr, '');
  assert.equal(format.status, 1);
  assert.match(format.stderr, /--format 只能是 human、json、github/);
  assert.equal(option.status, 1);
  assert.match(option.stderr, /错误：没有 --formt 这个选项。用法：npm run check -- /);
  for (const r of [format, option]) assert.doesNotMatch(r.stderr, STACK_TRACE);
});

test('paths narrow the output to those files; a path that is not there is pointed out', async () => {
  const root = await contentWith([{ file: SEED_REPORT, copyTo: 'reports/2023/kgxj.md' }]);
  cleanup.push(root);
  const [r, typo] = await Promise.all([
    runScript('check', ['--format=json', `${root}/reports/2023/kgxj.mdx`], { GONGKAI_CONTENT: root }),
    runScript('check', [`${root}/reports/2023/kgxjj.mdx`], { GONGKAI_CONTENT: root }),
  ]);
  assert.equal(typo.status, 1);
  assert.match(typo.stderr, /错误：找不到 .*reports\/2023\/kgxjj\.mdx：请检查路径是否写对/);
  assert.equal(typo.stdout, '', 'no "0 个错误" about nothing');
  const files = new Set((JSON.parse(r.stdout) as { findings: { file: string }[] }).findings.map((f) => f.file));
  assert.deepEqual(
    [...files].map((f) => f.replace(/^.*\/reports\//, 'reports/')),
    ['reports/2023/kgxj.mdx'],
  );
});

for (const { name, fixture } of await readFixtures('good')) {
  test(`accepted: ${name} (${fixture.title})`, async () => {
    const root = await contentWith(fixture.edits);
    cleanup.push(root);
    const r = await runScript('check', [], { GONGKAI_CONTENT: root });
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /0 个错误/);
  });
}
