import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, INDICATOR_COLUMNS, REPORT_COLUMNS, toCsv, type Column } from '../../../src/model/open-data.ts';

test('text cells that a spreadsheet would run as a formula get a leading apostrophe', () => {
  for (const danger of ['=SUM(A1)', '+86', '-1+1', '@cmd', '\tx', '\rx'])
    assert.equal(csvCell('text', danger), `'${danger}`);
  assert.equal(csvCell('text', '科工信局'), '科工信局');
  assert.equal(csvCell('text', undefined), '');
});

test('numbers stay numbers, negative ones included', () => {
  assert.equal(csvCell('decimal', '-3.5'), '-3.5');
  assert.equal(csvCell('decimal', '825.75'), '825.75');
  assert.equal(csvCell('integer', 2023), '2023');
});

test('CSV is UTF-8 with BOM, CRLF, quoted where needed', () => {
  const cols: Column<{ a: string; b: string }>[] = [
    { key: 'a', title: '名称', kind: 'text', value: (r) => r.a },
    { key: 'b', title: '金额', kind: 'decimal', value: (r) => r.b },
  ];
  assert.equal(toCsv(cols, [{ a: '甲,乙 "丙"', b: '826.00' }]), '\uFEFF名称,金额\r\n"甲,乙 ""丙""",826.00\r\n');
});

test('every column has a unique key and a Chinese title', () => {
  for (const columns of [REPORT_COLUMNS, INDICATOR_COLUMNS] as const) {
    const keys = columns.map((c) => c.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const c of columns) assert.match(c.title, /[\u4e00-\u9fff]/, c.key);
  }
});
