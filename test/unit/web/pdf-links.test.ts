// The PDF link of a report page is rendered from what the build made: the
// file's size (and page count) when there is a PDF, no link when there is none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileSizeText } from '../../../src/lib/file-size.ts';

test('sizes read as people expect', () => {
  assert.equal(fileSizeText(300), '1 KB');
  assert.equal(fileSizeText(126_000), '123 KB');
  assert.equal(fileSizeText(3_500_000), '3.3 MB');
});
