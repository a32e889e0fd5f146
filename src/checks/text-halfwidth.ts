// Half-width punctuation between Chinese characters (“资金拨付,执行情况”) is
// what text copied from a web page looks like: dozens of them, all one slip.
// So it is one finding per report, with the count and the marks, placed at
// the first one and acknowledged once, not one warning per comma.
import { around } from './text-context.ts';
import type { ReportRule } from './types.ts';

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };
const HALF_WIDTH_BETWEEN_CJK = /(?<=[\u4e00-\u9fff])[,;:?!](?=[\u4e00-\u9fff])/g;

export const halfWidthPunctuation: ReportRule = {
  id: 'text.halfwidth-punctuation',
  severity: 'warning',
  title: '中文之间没有半角标点（, ; : ? !），全文合为一条',
  check({ prose }) {
    const counts = new Map<string, number>();
    let first: { offset: number; excerpt: string } | undefined;
    let total = 0;
    for (const block of prose) {
      for (const m of block.text.matchAll(HALF_WIDTH_BETWEEN_CJK)) {
        total++;
        counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
        first ??= { offset: block.offsetOf(m.index), excerpt: around(block.text, m.index, 1) };
      }
    }
    if (!first) return [];
    const marks = [...counts].map(([mark, n]) => `“${mark}” ${n} 处`).join('、');
    const fixes = [...counts.keys()].map((mark) => `“${mark}”→“${FULL_WIDTH[mark] ?? mark}”`).join('，');
    return [
      {
        at: { offset: first.offset },
        message: `全文中文之间有 ${total} 处半角标点（${marks}），第一处：“${first.excerpt}”`,
        hint: `多见于从网页复制的文字。请改为全角（${fixes}）；若原文如此，在 acknowledged 中说明一次即可。`,
        excerpt: `半角标点 ${total} 处`,
      },
    ];
  },
};
