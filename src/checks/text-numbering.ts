// Item numbers that repeat within a section (“1、… 2、… 2、… 3、”, or two
// “（二）” headings under one heading): usually an item pasted twice or a
// numbering slip; a reader cannot refer to “第 2 项”.
import { smallChineseNumber, toHalfWidthDigits } from '../lib/numbers.ts';
import type { Hit, ReportRule } from './types.ts';

const CN = '一二三四五六七八九十';
const STYLES: { style: string; re: RegExp }[] = [
  { style: '一、', re: new RegExp(`^([${CN}]+)[、.．]`) },
  { style: '（一）', re: new RegExp(`^[（(]([${CN}]+)[）)]`) },
  { style: '1、', re: /^(\d+)[、.．](?!\d)/ },
  { style: '（1）', re: /^[（(](\d+)[）)]/ },
];

/** 一 … 九十九 → 1 … 99; Arabic digits as they are; NaN for characters that make no number (十十). */
const numeric = (number: string): number =>
  /^\d+$/.test(number) ? Number(number) : (smallChineseNumber(number) ?? Number.NaN);

function itemNumber(text: string): { style: string; number: string; marker: string } | undefined {
  const t = toHalfWidthDigits(text.trimStart().replace(/^\*\*/, ''));
  for (const { style, re } of STYLES) {
    const m = re.exec(t);
    if (m?.[1]) return { style, number: m[1], marker: m[0] };
  }
  return undefined;
}

export const repeatedItemNumber: ReportRule = {
  id: 'text.item-number',
  severity: 'warning',
  title: '同一节中的编号（一、 （一） 1、 （1））没有重复',
  check({ prose }) {
    const hits: Hit[] = [];
    // Per section, kind of block (headings are numbered apart from paragraphs) and style: the
    // last number of the run. A run that starts again at 1 is a new list, not a repeat.
    const last = new Map<string, number>();
    for (const block of prose) {
      if (block.kind !== 'heading' && block.kind !== 'paragraph') continue;
      const n = itemNumber(block.text);
      if (!n) continue;
      const scope = `${block.kind}:${block.depth ?? ''}|${block.section.join('›')}|${n.style}`;
      const value = numeric(n.number);
      if (Number.isNaN(value)) continue;
      const previous = last.get(scope);
      last.set(scope, value);
      if (previous === undefined || value === 1 || value > previous) continue;
      const where = block.section.at(-1);
      hits.push({
        at: { offset: block.offsetOf(0) },
        message: `编号“${n.marker}”在${where ? `“${where}”一节中` : '同一节中'}重复出现：“${block.text.slice(0, 24)}${block.text.length > 24 ? '…' : ''}”`,
        hint: '请核对编号是否连续，是否多粘贴了一项；若原文如此，在 acknowledged 中说明。',
        excerpt: block.text.slice(0, 24),
      });
    }
    return hits;
  },
};
