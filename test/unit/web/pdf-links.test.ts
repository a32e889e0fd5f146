// The PDF link of a report page is rendered from what the build made: its
// page count and size when there is a PDF, no link when there is none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileSizeText } from '../../../src/figures/file-size.ts';

test('sizes read as people expect, written like every other figure', () => {
  assert.equal(fileSizeText(300), '1KB');
  assert.equal(fileSizeText(126_000), '123KB');
  assert.equal(fileSizeText(3_500_000), '3.3MB');
});
