// Mainland (GB) typography in the seed report's PDF, with each engine, read
// from the rendered pages: 。，、 sit in the lower left of their em box (GB
// forms, not the centred Taiwan forms), no line is letter-spaced to fill the
// measure, and digits keep one width.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import { printedCase } from './print-cases.ts';
import { inkIn, MM, pageWords, type Word } from './poppler.ts';

const PITCH = (156 / 28) * MM;
/** Body text is 3号 (16 pt); its words' boxes are about that tall. */
const isBody = (w: Word) => Math.abs(w.yMax - w.yMin - 16) < 1;
const FULL_WIDTH = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$/;
const MARKS = /[。，、]/;

for (const engine of ENGINES) {
  describe(`GB typography, engine ${engine}`, async () => {
    const run = await printedCase('seed', engine);
    const words = pageWords(run.pdf());

    test('。，、 sit in the lower-left quadrant of their em box', () => {
      assert.equal(run.status, 0, run.stderr);
      // A mark ending a word: its em box is the last 16 pt of the word. Inside a word of
      // full-width characters set without extra spacing, the i-th character's box is the i-th pitch.
      const boxes: { word: Word; mark: string; x: number }[] = [];
      for (const w of words.filter(isBody)) {
        const chars = [...w.text];
        const last = chars.at(-1) ?? '';
        if (MARKS.test(last)) boxes.push({ word: w, mark: last, x: w.xMax - 16 });
        const advance = (w.xMax - w.xMin) / chars.length;
        if (FULL_WIDTH.test(w.text) && Math.abs(advance - PITCH) < 0.05)
          chars.slice(0, -1).forEach((c, i) => {
            if (MARKS.test(c)) boxes.push({ word: w, mark: c, x: w.xMin + i * advance });
          });
      }
      const kinds = new Set(boxes.map((b) => b.mark));
      assert.ok(boxes.length >= 20 && kinds.size === 3, `measured ${boxes.length} marks (${[...kinds].join('')})`);
      for (const { word, mark, x } of boxes) {
        const ink = inkIn(run.pdf(), word.page, { x, y: word.yMin, w: 16, h: word.yMax - word.yMin });
        const where = `${mark} in “${word.text}” (page ${word.page}): ${JSON.stringify(ink)}`;
        assert.ok(ink, `no ink for ${where}`);
        assert.ok(ink.x < 0.5 && ink.y > 0.5, `centre not in the lower left: ${where}`);
        assert.ok(ink.right <= 0.55 && ink.top >= 0.45, `ink reaches out of the lower-left quadrant: ${where}`);
      }
    });

    test('no line is letter-spaced: a line that cannot be filled ends short instead', () => {
      // Justifying a full line spreads at most a character's worth over it (a line-start rule
      // can leave one); more than that is a short line stretched.
      const han = words.filter((w) => isBody(w) && FULL_WIDTH.test(w.text) && [...w.text].length >= 4);
      assert.ok(han.length > 100);
      for (const w of han) {
        const advance = (w.xMax - w.xMin) / [...w.text].length;
        assert.ok(
          advance <= PITCH * 1.05,
          `“${w.text}” (page ${w.page}): ${(advance / PITCH).toFixed(3)} pitch a character`,
        );
      }
      // The line the issue saw stretched: it now ends short, at its natural length.
      const line = words.filter((w) => w.text.endsWith('科技型中小企业备案'));
      assert.equal(line.length, 1);
      const advance = (line[0]!.xMax - line[0]!.xMin) / [...line[0]!.text].length;
      assert.ok(advance / PITCH < 1.01, `${line[0]!.text}: ${(advance / PITCH).toFixed(3)} pitch a character`);
    });

    test('digits keep one width on every line', () => {
      const lines = new Map<string, number[]>();
      for (const w of words.filter((w) => isBody(w) && /^\d{2,}$/.test(w.text))) {
        const key = `${w.page}:${Math.round(w.yMin)}`;
        lines.set(key, [...(lines.get(key) ?? []), (w.xMax - w.xMin) / w.text.length]);
      }
      assert.ok(lines.size >= 5);
      const all = [...lines.values()].flat();
      for (const [key, widths] of lines)
        assert.ok(Math.max(...widths) - Math.min(...widths) < 0.3, `line ${key}: ${widths.join(', ')}`);
      assert.ok(Math.max(...all) - Math.min(...all) < 0.3, `digit widths ${Math.min(...all)}–${Math.max(...all)} pt`);
    });
  });
}
