// Punctuation slips: a conjunction left hanging before a comma (“管理水平和，”)
// and doubled marks (“。。” “，、”), each its own finding. Half-width marks
// between Chinese characters, which text copied from a web page has by the
// dozen, are one finding per report (text-halfwidth.ts).
import { around } from './text-context.ts';
import type { Hit, ReportRule } from './types.ts';

interface Slip {
  index: number;
  length: number;
  what: string;
  hint: string;
}

// Words that end in 和/与/及 and may well end a clause (总和，参与，涉及，).
// Kept short on purpose: “水平和，” must still be caught, so 平和 is not here.
const ENDS_WITH_CONJUNCTION =
  /(?:总|饱|缓|温|调|柔|祥|谦|暖|随)和$|(?:参|给|授|赋|赠)与$|(?:涉|普|波|危|顾|惠|触|企|来得|来不)及$/;

const HANGING = /[和与及][，。、；]/g;
const DOUBLED = /[，。、；：][，。、；：]/g;

export function punctuationSlips(text: string): Slip[] {
  const slips: Slip[] = [];
  for (const m of text.matchAll(HANGING)) {
    if (ENDS_WITH_CONJUNCTION.test(text.slice(Math.max(0, m.index - 2), m.index + 1))) continue;
    slips.push({
      index: m.index,
      length: 2,
      what: `“${m[0][0]}”后面直接接了“${m[0][1]}”，句子像是缺了词`,
      hint: `请补全“${m[0][0]}”后面的内容，或删去“${m[0][0]}”`,
    });
  }
  for (const m of text.matchAll(DOUBLED)) {
    slips.push({ index: m.index, length: 2, what: `标点重复：“${m[0]}”`, hint: '请删去多余的标点' });
  }
  return slips.sort((a, b) => a.index - b.index);
}

export const punctuation: ReportRule = {
  id: 'text.punctuation',
  severity: 'warning',
  title: '标点使用正确（无残缺或重复的标点）',
  check({ prose }) {
    return prose.flatMap((block) =>
      punctuationSlips(block.text).map((s): Hit => ({
        at: { offset: block.offsetOf(s.index) },
        message: `${s.what}：“${around(block.text, s.index, s.length)}”`,
        hint: `${s.hint}；若原文如此，在 acknowledged 中说明。`,
        excerpt: around(block.text, s.index, s.length),
      })),
    );
  },
};
