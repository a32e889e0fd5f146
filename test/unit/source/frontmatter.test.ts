import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFrontmatter, splitFrontmatter } from '../../../src/source/frontmatter.ts';
import { lineIndex } from '../../../src/source/position.ts';
import { decodeSource } from '../../../src/source/read.ts';

function parse(file: string) {
  const split = splitFrontmatter(file);
  assert.ok(split);
  return parseFrontmatter(split.yaml, { offset: split.yamlOffset, position: lineIndex(file) });
}

test('key paths map to the line and column where they are written', () => {
  const file =
    '---\ntitle: 报告\nbudget:\n  unit: 万元\n  final: 825.75\nindicators:\n  - name: 企业上云\n    actual: 160\n---\n正文\n';
  const r = parse(file);
  assert.ok(r.ok);
  assert.deepEqual(r.frontmatter.locate(['budget', 'final']), { line: 5, column: 10 });
  assert.deepEqual(r.frontmatter.locate(['indicators', 0, 'actual']), { line: 8, column: 13 });
  // A missing key points at its parent; a block value at its key.
  assert.deepEqual(r.frontmatter.locate(['budget', 'basic']), { line: 3, column: 1 });
  assert.deepEqual(r.frontmatter.locate(['indicators']), { line: 6, column: 1 });
});

test('YAML is read as data, not as dates or floats with surprises', () => {
  const r = parse('---\nissued: 2024-06-26\nfinal: 825.75\nflag: yes\n---\n');
  assert.ok(r.ok);
  assert.deepEqual(r.frontmatter.data, { issued: '2024-06-26', final: 825.75, flag: 'yes' });
});

test('an alias bomb is refused, not expanded', () => {
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (const n of 'bcdefghi')
    bomb.push(
      `${n}: &${n} [${Array(9)
        .fill(`*${String.fromCharCode(n.charCodeAt(0) - 1)}`)
        .join(',')}]`,
    );
  const r = parse(`---\n${bomb.join('\n')}\n---\n`);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.problem.message, /别名/);
});

test('a duplicate key is a syntax error at its line', () => {
  const r = parse('---\ntitle: 一\ntitle: 二\n---\n');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.problem.message, /同一项写了两次/);
  assert.equal(r.ok ? 0 : r.problem.at.line, 3);
});

test('files: UTF-8 BOM and CRLF accepted, GBK and NUL bytes refused by name', () => {
  const bom = decodeSource(Buffer.from('\ufeff---\r\ntitle: 报告\r\n---\r\n'));
  assert.ok(bom.ok);
  assert.equal(bom.ok && bom.text, '---\ntitle: 报告\n---\n');
  const gbk = decodeSource(Buffer.from([0xb1, 0xa8, 0xb8, 0xe6])); // “报告” in GBK
  assert.equal(gbk.ok, false);
  assert.match(gbk.ok ? '' : gbk.problem.message, /GBK/);
  const nul = decodeSource(Buffer.from('第一行\n第二\0行\n'));
  assert.equal(nul.ok, false);
  assert.deepEqual(nul.ok ? null : nul.problem.at, { line: 2, column: 3 });
});

test('frontmatter must open and close with ---', () => {
  assert.equal(splitFrontmatter('title: x\n'), null);
  assert.equal(splitFrontmatter('---\ntitle: x\n'), null);
  assert.deepEqual(splitFrontmatter('---\na: 1\n---\nbody'), { yaml: 'a: 1\n', yamlOffset: 4, bodyOffset: 13 });
});
