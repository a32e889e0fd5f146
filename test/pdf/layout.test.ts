// GB/T 9704 measured on rendered pages, with each engine: margins and 版心,
// 22 lines × 28 characters of body text, the title centred and larger, page
// numbers “— N —” 7 mm under the 版心 on the outer side, no orphan or widow
// line and no heading left at the foot of a page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import { printedCase } from './print-cases.ts';
import { MM, pageLines, pdfinfo, type TextLine } from './poppler.ts';

const LEFT = 28 * MM;
const RIGHT = (210 - 26) * MM;
const TOP = 37 * MM;
const TEXT_BOTTOM = (37 + 225) * MM;
const PITCH = (156 / 28) * MM;
const LINE = (225 / 22) * MM;
const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual.toFixed(2)} ≈ ${expected.toFixed(2)}`);
const chars = (l: TextLine) => [...l.text.replace(/\s/g, '')].length;
const indented = (l: TextLine) => Math.abs(l.xMin - (LEFT + 2 * PITCH)) < 2;

for (const engine of ENGINES) {
  describe(`layout per GB/T 9704, engine ${engine}`, async () => {
    const run = await printedCase('grid', engine);
    const pages = pageLines(run.pdf());
    const body = pages.map((lines) => lines.filter((l) => l.yMax <= TEXT_BOTTOM + 1));
    const numbers = pages.map((lines) => lines.filter((l) => l.yMin > TEXT_BOTTOM));

    test('renders A4 pages', () => {
      assert.equal(run.status, 0, run.stderr);
      assert.ok(pages.length >= 4, `${pages.length} pages`);
      assert.match(pdfinfo(run.pdf())['Page size'] ?? '', /\(A4\)/);
    });

    test('text sits in the 版心: 37 mm from the top, 28 mm from the left, 156 mm wide', () => {
      for (const [i, lines] of body.entries()) {
        const first = lines[0]!;
        assert.ok(first.yMin >= TOP && first.yMin < TOP + LINE, `page ${i + 1} starts at the top of the 版心`);
        for (const l of lines) {
          if (!indented(l) && chars(l) === 28) near(l.xMin, LEFT, 1, `page ${i + 1} left edge`);
          if (chars(l) === 28) near(l.xMax, RIGHT, 1.5, `page ${i + 1} right edge`);
        }
      }
    });

    test('a full page holds 22 lines of 28 characters', () => {
      const full = body.slice(1, -1).filter((lines) => lines.length >= 21);
      assert.ok(full.length >= 2, 'there are full pages to measure');
      for (const lines of body.slice(1, -1)) {
        const pitch = (lines[lines.length - 1]!.yMin - lines[0]!.yMin) / (lines.length - 1);
        near(pitch, LINE, 0.3, 'line pitch (225 mm / 22)');
        assert.ok(lines.length <= 22);
        // Lines that are neither a paragraph's first (indented) nor its last (short) line are full.
        for (const l of lines) if (!indented(l) && chars(l) > 20) assert.equal(chars(l), 28, l.text);
      }
      assert.equal(body[2]!.length, 22, 'page 3 is filled exactly (see GRID_PARAGRAPHS)');
    });

    test('the title is centred and larger than the body (2号 against 3号)', () => {
      const title = body[0]![0]!;
      near((title.xMin + title.xMax) / 2, 105 * MM, 2 * MM, 'title centre');
      const bodyLine = body[1]![1]!;
      const ratio = (title.yMax - title.yMin) / (bodyLine.yMax - bodyLine.yMin);
      near(ratio, 22 / 16, 0.1, 'title size against body size');
    });

    test('page numbers “— N —”, 7 mm under the 版心, odd pages right and even pages left', () => {
      for (const [i, lines] of numbers.entries()) {
        const n = i + 1;
        assert.equal(lines.length, 1, `page ${n} has one page number`);
        const num = lines[0]!;
        assert.equal(num.text.replace(/\s+/g, ' '), `— ${n} —`);
        near((num.yMin + num.yMax) / 2, TEXT_BOTTOM + 7 * MM, 1.5 * MM, `page ${n} number height`);
        if (n % 2) near(num.xMax, RIGHT - 14, 2, `page ${n} number at the right, one character in`);
        else near(num.xMin, LEFT + 14, 2, `page ${n} number at the left, one character in`);
      }
    });

    test('no orphan or widow: a paragraph keeps at least two lines on each side of a page break', () => {
      for (let i = 0; i + 1 < body.length; i++) {
        const end = body[i]!;
        const next = body[i + 1]!;
        const lastStart = end.findLastIndex(indented);
        const tail = end.length - lastStart;
        const continues = next[0] && !indented(next[0]);
        if (continues) {
          assert.ok(tail >= 2, `page ${i + 1} ends with ${tail} line(s) of a paragraph`);
          const head = next.findIndex(indented);
          assert.ok((head === -1 ? next.length : head) >= 2, `page ${i + 2} starts with one line of a paragraph`);
        } else {
          assert.ok(chars(end[end.length - 1]!) < 28 || tail >= 2, `page ${i + 1}`);
        }
      }
      assert.equal(body[0]!.length, 20, 'page 1: the paragraph that would leave an orphan line moved on');
      assert.equal(body[1]!.length, 21, 'page 2: a line moved on so that no widow is left');
    });
  });
}
