import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chineseDigits,
  normaliseNumberText,
  numberToDecimalText,
  smallChineseNumber,
  toHalfWidthDigits,
} from '../../../src/lib/numbers.ts';

test('full-width digits and points become half-width', () => {
  assert.equal(toHalfWidthDigits('８２５．７５'), '825.75');
  assert.equal(normaliseNumberText('８２５.７５'), '825.75');
  assert.equal(normaliseNumberText('１００％'), null, 'a percent sign is not part of the number');
});

test('thousands separators are removed only where they group thousands', () => {
  assert.equal(normaliseNumberText('1,102.8'), '1102.8');
  assert.equal(normaliseNumberText('1，102.8'), '1102.8');
  assert.equal(normaliseNumberText('31,829.72'), '31829.72');
  assert.equal(normaliseNumberText('1,10.8'), null);
  assert.equal(normaliseNumberText('八百'), null);
});

test('YAML numbers become their exact decimal text', () => {
  assert.equal(numberToDecimalText(825.75), '825.75');
  assert.equal(numberToDecimalText(1e21), '1000000000000000000000');
  assert.equal(numberToDecimalText(1e-7), '0.0000001');
});

test('Chinese numbers as item numbers, months, days and years write them', () => {
  const read = (texts: string[]) => texts.map((t) => smallChineseNumber(t));
  assert.deepEqual(
    read(['一', '九', '十', '十一', '一十', '二十', '二十六', '九十九']),
    [1, 9, 10, 11, 10, 20, 26, 99],
  );
  assert.deepEqual(read(['', '十十', '百', '二十二十', '〇', '1']), [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  assert.equal(chineseDigits('二〇二四'), 2024);
  assert.equal(chineseDigits('二零二四'), 2024);
  assert.equal(chineseDigits('二十'), undefined, 'a year is written digit by digit');
});
