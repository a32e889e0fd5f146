import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseNumberText, numberToDecimalText, toHalfWidthDigits } from '../../../src/lib/numbers.ts';

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
