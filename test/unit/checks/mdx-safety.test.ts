import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BODY_RULES, unsafeUrl } from '../../../src/checks/mdx-safety.ts';
import { parseBody } from '../../../src/source/markdown.ts';
import { checkNesting } from '../../../src/source/nesting.ts';
import { seedFile } from '../../helpers/seed.ts';

function rulesHit(body: string, kind: 'md' | 'mdx' = 'mdx'): string[] {
  const r = parseBody(body, kind);
  assert.ok(r.ok, r.ok ? '' : r.problem.message);
  return BODY_RULES.flatMap((rule) => rule.check(r.tree, kind).map(() => rule.id));
}

test('the seed body passes every restricted-MDX rule', async () => {
  const file = await seedFile();
  assert.ok(file.body);
  assert.deepEqual(
    BODY_RULES.flatMap((r) => r.check(file.body!, 'mdx')),
    [],
  );
});

test('allowed: authoring components with literal props, harmless HTML, literal escapes', () => {
  assert.deepEqual(rulesHit('决算数<Fig k="budget.final" />。\n\n<Duties />\n'), []);
  assert.deepEqual(rulesHit('上标<sup>2</sup>，<abbr title="国内生产总值">GDP</abbr>，换行<br />\n'), []);
  assert.deepEqual(rulesHit("写成 {'{'} 和 {'<'}。{/* 注释 */}\n"), []);
  assert.deepEqual(
    rulesHit('[财政局](https://www.example.gov.cn/) [邮件](mailto:a@example.gov.cn) [站内](/reports/)\n'),
    [],
  );
});

test('rejected: code, unknown components, scripts, handlers, unsafe URLs', () => {
  assert.deepEqual(rulesHit('import x from "y"\n'), ['mdx.esm']);
  assert.deepEqual(rulesHit('合计{a + b}。\n'), ['mdx.expression']);
  assert.deepEqual(rulesHit('<Chart data="x" />\n'), ['mdx.unknown-component']);
  assert.deepEqual(rulesHit('<div>x</div>\n'), ['mdx.unknown-component']);
  assert.deepEqual(rulesHit('<script>{"x"}</script>\n'), ['mdx.forbidden-element']);
  assert.deepEqual(rulesHit('<Fig k="a" extra="b" />\n'), ['mdx.attribute']);
  assert.deepEqual(rulesHit('<Fig />\n'), ['mdx.attribute']);
  assert.deepEqual(rulesHit('<Fig k={1} />\n'), ['mdx.attribute'], 'k must be text');
  assert.deepEqual(rulesHit('<span onMouseOver="x">t</span>\n'), ['mdx.event-handler']);
  assert.deepEqual(rulesHit('[x]: javascript:alert(1)\n\n[链接][x]\n'), ['mdx.unsafe-url']);
  assert.deepEqual(rulesHit('正文<script>alert(1)</script>\n', 'md'), ['md.raw-html']);
  assert.deepEqual(rulesHit('第一行<br>第二行\n', 'md'), []);
});

test('URL schemes are read the way browsers read them', () => {
  assert.ok(unsafeUrl('javascript:alert(1)', false));
  assert.ok(unsafeUrl(' JAVA\tSCRIPT:alert(1)', false));
  assert.ok(unsafeUrl('vbscript:x', false));
  assert.ok(unsafeUrl('data:text/html,<script>', false));
  assert.ok(unsafeUrl('data:image/svg+xml;base64,AAAA', true));
  assert.ok(unsafeUrl('//cdn.example/x.png', true));
  assert.equal(unsafeUrl('data:image/png;base64,iVBORw0KGgo=', true), undefined);
  assert.equal(unsafeUrl('/images/seal.png', true), undefined);
  assert.equal(unsafeUrl('https://www.example.gov.cn/a?b=c', false), undefined);
  assert.equal(unsafeUrl('#notes', false), undefined);
});

test('nesting is measured before parsing: lists, chained markers and quotes', () => {
  assert.equal(checkNesting('- a\n  - b\n    - c\n\n1. x\n   1. y\n'), undefined);
  assert.equal(checkNesting(`${'- '.repeat(13)}x\n`)?.rule, 'source.too-complex');
  assert.equal(checkNesting(`${'>'.repeat(13)} x\n`)?.at.line, 1);
  const nested = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n');
  assert.equal(checkNesting(nested)?.at.line, 13);
});
