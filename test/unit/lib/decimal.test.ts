import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compare,
  divide,
  percent,
  scaleOf,
  shift,
  signed,
  subtract,
  sum,
  trimZeros,
} from '../../../src/lib/decimal.ts';

test('sums exactly: 520.97 + 304.78 = 825.75, 0.1 + 0.2 = 0.3 (floats give 0.30000000000000004)', () => {
  assert.notEqual(0.1 + 0.2, 0.3);
  assert.equal(sum(['520.97', '304.78']), '825.75');
  assert.equal(sum(['0.1', '0.2']), '0.3');
  assert.equal(sum(['434.16', '0.55']), '434.71');
});

test('keeps the scale of the most precise addend', () => {
  assert.equal(sum(['1102.8', '0.25']), '1103.05');
  assert.equal(sum(['1', '2']), '3');
  assert.equal(subtract('827.75', '825.75'), '2.00');
});

test('percentages at a stated precision, rounded half up or cut off', () => {
  assert.equal(percent('81', '80', 2), '101.25');
  assert.equal(percent('825.75', '825.75', 0), '100');
  assert.equal(percent('2', '3', 2), '66.67');
  assert.equal(percent('2', '3', 2, 'down'), '66.66');
  assert.equal(percent('1', '0', 2), null);
});

test('scale, comparison, sign and unit shifts', () => {
  assert.equal(scaleOf('101.25'), 2);
  assert.equal(scaleOf('100'), 0);
  assert.equal(compare('825.75', '825.750'), 0);
  assert.equal(compare('9', '10'), -1);
  assert.equal(signed('0.25'), '+0.25');
  assert.equal(signed('-1.00'), '-1.00');
  assert.equal(signed('0.00'), '0.00');
  assert.equal(shift('8257500', -4), '825.7500');
  assert.equal(shift('30.78', 4), '307800');
});

test('averages divide exactly at a stated scale; computed values lose trailing zeros', () => {
  assert.equal(divide('295', '3', 2), '98.33');
  assert.equal(divide('196', '2', 2), '98.00');
  assert.equal(divide('1', '0', 2), null);
  assert.equal(trimZeros('100.00'), '100');
  assert.equal(trimZeros('101.50'), '101.5');
  assert.equal(trimZeros('120'), '120');
});
