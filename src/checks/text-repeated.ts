// A sentence pasted twice is the commonest copy-paste slip in these reports.
import { sentences, type Sentence } from '../source/prose.ts';
import type { Hit, ReportRule } from './types.ts';

/** Shorter sentences (“完成。”, “同比增长。”) repeat legitimately. */
export const MIN_REPEATED_LENGTH = 12;

const normal = (s: string) => s.replace(/[\s*_`]/g, '');

export const repeatedSentence: ReportRule = {
  id: 'text.repeated-sentence',
  severity: 'warning',
  title: '同一句话没有重复出现',
  check({ prose }) {
    const seen = new Map<string, Sentence>();
    const hits: Hit[] = [];
    for (const block of prose) {
      if (block.kind === 'heading') continue;
      for (const s of sentences(block)) {
        const key = normal(s.text);
        if (key.length < MIN_REPEATED_LENGTH) continue;
        const first = seen.get(key);
        if (!first) {
          seen.set(key, s);
          continue;
        }
        const adjacent = first.block === block;
        hits.push({
          at: { offset: block.offsetOf(s.start) },
          message: `这句话${adjacent ? '紧接着' : '在前文'}已经出现过一次：“${s.text.length > 40 ? `${s.text.slice(0, 40)}…` : s.text}”`,
          hint: '若是复制粘贴时多粘了一次，请删去重复的一句。',
          excerpt: s.text,
        });
      }
    }
    return hits;
  },
};
