// The benchmarks' tables line up in a terminal, where a Chinese character takes two columns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columns, displayWidth } from '../../../scripts/bench/columns.ts';

test('Chinese characters and full-width punctuation count two columns, Latin letters and digits one', () => {
  assert.equal(displayWidth('page.pdf()'), 10);
  assert.equal(displayWidth('载入页面'), 8);
  assert.equal(displayWidth('检查（冷）'), 10);
  assert.equal(displayWidth('0.353 s'), 7);
});

test('every column ends at the same place on every line; names stay left, numbers right', () => {
  const lines = columns([
    ['', '载入页面', 'page.pdf()'],
    ['本流水线 Paged.js', '69', '220'],
    ['裸 Chromium', '48', '182'],
  ]);
  assert.deepEqual(
    lines.map((l) => displayWidth(l)),
    [39, 39, 39],
  );
  assert.match(lines[2]!, /^裸 Chromium {8}/);
  assert.ok(lines[1]!.endsWith('      69         220'));
  assert.deepEqual(columns([['报告数'], ['1000']], { names: false }), ['报告数', '  1000']);
});
