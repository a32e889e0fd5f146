import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BODY_RULES } from '../../../src/checks/mdx-safety.ts';
import { judgeUrl } from '../../../src/schema/url-policy.ts';
import { parseBody } from '../../../src/source/markdown.ts';
import { checkNesting } from '../../../src/source/nesting.ts';
import { seedFile } from '../../helpers/seed.ts';

const REPORT = 'reports/2023/kgxj.mdx';

function rulesHit(body: string, kind: 'md' | 'mdx' = 'mdx'): string[] {
  const r = parseBody(body, kind);
  assert.ok(r.ok, r.ok ? '' : r.problem.message);
  return BODY_RULES.flatMap((rule) => rule.check(r.tree, { kind, file: REPORT }).map(() => rule.id));
}

test('the seed body passes every restricted-MDX rule', async () => {
  const file = await seedFile();
  assert.ok(file.body);
  assert.deepEqual(
    BODY_RULES.flatMap((r) => r.check(file.body!, { kind: 'mdx', file: REPORT })),
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
  assert.deepEqual(rulesHit('<!-- 录入说明 -->\n', 'md'), []);
  assert.deepEqual(rulesHit('<!-- a --><meta http-equiv="refresh" content="0;url=https://x/"><!-- b -->\n', 'md'), [
    'md.raw-html',
  ]);
  assert.deepEqual(rulesHit('<!-- a --!><script>alert(1)</script>\n', 'md'), ['md.raw-html']);
  assert.deepEqual(rulesHit("<a href={'javascript:alert(1)'}>x</a>\n"), ['mdx.unsafe-url']);
  assert.deepEqual(rulesHit('<img src="/\\host/x.png" alt="" />\n'), ['mdx.unsafe-url']);
  assert.deepEqual(rulesHit('![印章][s]\n\n[s]: http://host/x.png\n'), ['mdx.unsafe-url']);
});

test('URL schemes are read the way browsers read them', () => {
  const refused = (url: string, use: 'link' | 'image' = 'link') => !judgeUrl(url, use, REPORT).ok;
  for (const url of [
    'javascript:alert(1)',
    ' JAVA\tSCRIPT:alert(1)',
    '&#106;avascript:alert(1)',
    'vbscript:x',
    'file:///etc/passwd',
    'data:text/html,<script>',
    '//tracker.example/p.png',
    '/\\host/x',
    '\\\\host/x',
    'foo/bar.html',
  ])
    assert.ok(refused(url), url);
  for (const url of [
    'https://www.example.gov.cn/a?b=c',
    'mailto:a@example.gov.cn',
    'tel:0743-1234567',
    '#notes',
    '/reports/',
  ])
    assert.ok(!refused(url), url);
});

test('images come only from the images/ folder of the content tree', () => {
  const refused = (url: string) => !judgeUrl(url, 'image', REPORT).ok;
  for (const url of [
    'https://cdn.example/x.png',
    ' //host/x.png',
    '/\\host/x.png',
    '\\\\host/x.png',
    'data:image/png;base64,iVBORw0KGgo=',
    'data:image/svg+xml;base64,AAAA',
    '/images/seal.png',
    '../../assets/seal.mjs',
    '../../../../../../../etc/passwd?url',
    '../../images/seal.svg',
    '../../images/../site.yaml',
    '../../images/.hidden.png',
  ])
    assert.ok(refused(url), url);
  assert.deepEqual(judgeUrl('../../images/印章.png', 'image', REPORT), {
    ok: true,
    kind: 'content',
    path: 'images/印章.png',
  });
  assert.deepEqual(judgeUrl('../../images/%E5%8D%B0.PNG', 'image', REPORT), {
    ok: true,
    kind: 'content',
    path: 'images/印.PNG',
  });
});

test('nesting is measured before parsing: lists, chained markers and quotes', () => {
  assert.equal(checkNesting('- a\n  - b\n    - c\n\n1. x\n   1. y\n'), undefined);
  assert.equal(checkNesting(`${'- '.repeat(13)}x\n`)?.rule, 'source.too-complex');
  assert.equal(checkNesting(`${'>'.repeat(13)} x\n`)?.at.line, 1);
  const nested = Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n');
  assert.equal(checkNesting(nested)?.at.line, 13);
});
