// A 220-row table across ten pages, with each engine: the header row is on
// every page the table reaches, never alone at the foot of a page, and every
// row appears exactly once (Paged.js 0.4.3 alone repeats no header, and a
// naive fix loses rows).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import { LONG_TABLE_ROWS, rowLabel } from './fixtures.ts';
import { printedCase } from './print-cases.ts';
import { pdfinfo, pdftotext } from './poppler.ts';

const ROW = /第\d{4}行/g;

for (const engine of ENGINES) {
  describe(`long table, engine ${engine}`, async () => {
    const run = await printedCase('longTable', engine);
    const pageCount = Number(pdfinfo(run.pdf()).Pages);
    const pages = Array.from({ length: pageCount }, (_, i) => pdftotext(run.pdf(), i + 1));
    const tablePages = pages.filter((text) => /第\d{4}行/.test(text) || text.includes('测试项目'));

    test('renders', () => assert.equal(run.status, 0, run.stderr));

    test('every row exactly once, in order', () => {
      const rows = pages.flatMap((text) => text.match(ROW) ?? []);
      assert.equal(rows.length, LONG_TABLE_ROWS, 'no row lost or duplicated');
      assert.deepEqual(
        rows,
        Array.from({ length: LONG_TABLE_ROWS }, (_, i) => rowLabel(i + 1)),
      );
    });

    test('the header row on every page of the table, with rows under it', () => {
      assert.ok(tablePages.length >= 9, `${tablePages.length} pages of table`);
      for (const [i, text] of tablePages.entries()) {
        assert.match(text, /序号[\s\S]*测试项目[\s\S]*金额（万元）/, `table page ${i + 1} has the header`);
        assert.ok((text.match(ROW) ?? []).length > 0, `table page ${i + 1} has rows under the header`);
      }
    });
  });
}
