// The PDF link of a report page is finished against the output: sized when the
// PDF exists, gone when it does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { finishPdfLink, formatFileSize } from '../../../src/build/pdf-links-step.ts';

const PAGE =
  '<ul><li data-pdf-item><a href="/pdf/2023/kgxj.pdf" data-pdf="2023/kgxj">报告全文<span data-pdf-size></span></a></li><li><a href="/data/2023/kgxj.json">JSON</a></li></ul>';

test('sizes read as people expect', () => {
  assert.equal(formatFileSize(300), '1 KB');
  assert.equal(formatFileSize(126_000), '123 KB');
  assert.equal(formatFileSize(3_500_000), '3.3 MB');
});

test('an existing PDF gets its size in the link text', () => {
  assert.equal(
    finishPdfLink(PAGE, '2023/kgxj', 126_000),
    '<ul><li data-pdf-item><a href="/pdf/2023/kgxj.pdf" data-pdf="2023/kgxj">报告全文<span data-pdf-size>（PDF，123 KB）</span></a></li><li><a href="/data/2023/kgxj.json">JSON</a></li></ul>',
  );
});

test('a missing PDF takes its list item with it', () => {
  assert.equal(
    finishPdfLink(PAGE, '2023/kgxj', undefined),
    '<ul><li><a href="/data/2023/kgxj.json">JSON</a></li></ul>',
  );
});

test('a page that links its PDF itself (Downloads.astro, from the site input) is left as it is', () => {
  assert.equal(finishPdfLink('<p></p>', '2023/kgxj', 1), '<p></p>');
});
