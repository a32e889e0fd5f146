// 【待填】 marks what a new report (npm run new, npm run import) still needs:
// a figure, a date, a paragraph. Until every mark is replaced the report is not
// finished, and the check says where each one is. The mark is plain text, so it
// is valid YAML and MDX and survives any editor.
import { describeKey } from '../schema/errors.ts';
import { type KeyPath } from '../lib/key-path.ts';
import { reportSchema } from '../schema/report.ts';
import { splitFrontmatter } from '../source/frontmatter.ts';
import type { ReportFile } from '../source/load.ts';
import type { Position } from '../source/position.ts';
import type { RuleInfo } from './types.ts';

export const PLACEHOLDER = '【待填】';
/** 【待填】 or 【待填：what to write】. */
export const PLACEHOLDER_PATTERN = /【待填(?:[:：][^】\n]*)?】/g;

/** A placeholder with a note of what to write: 【待填：评价依据（通知文号）】. */
export const placeholder = (note?: string) => (note ? `【待填：${note}】` : PLACEHOLDER);

export const PLACEHOLDER_RULE: RuleInfo = {
  id: 'content.placeholder',
  severity: 'error',
  title: '没有未填写的占位符（【待填】）',
};

export interface PlaceholderHit {
  at: Position;
  message: string;
  hint: string;
  excerpt: string;
}

const HINT =
  '把【待填…】换成报告的实际内容（数字只写半角数字，不带单位）；原文确实没有写的数字或成文日期写 原文未载（网页显示“原文未写”），不要估算。';

function frontmatterHits(data: unknown, path: KeyPath, locate: (p: KeyPath) => Position, out: PlaceholderHit[]) {
  if (typeof data === 'string') {
    for (const m of data.matchAll(PLACEHOLDER_PATTERN)) {
      out.push({
        at: locate(path),
        message: `${describeKey(reportSchema, path)}尚未填写${m[0] === PLACEHOLDER ? '' : `：${m[0]}`}`,
        hint: HINT,
        excerpt: m[0],
      });
    }
  } else if (Array.isArray(data)) {
    data.forEach((item, i) => frontmatterHits(item, [...path, i], locate, out));
  } else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) frontmatterHits(v, [...path, k], locate, out);
  }
}

/** Every placeholder of a report: in the frontmatter by key, in the body by line. */
export function findPlaceholders(report: ReportFile): PlaceholderHit[] {
  const out: PlaceholderHit[] = [];
  frontmatterHits(report.frontmatter.data, [], (p) => report.frontmatter.locate(p), out);
  const bodyStart = splitFrontmatter(report.text)?.bodyOffset ?? 0;
  for (const m of report.text.slice(bodyStart).matchAll(PLACEHOLDER_PATTERN)) {
    out.push({
      at: report.position(bodyStart + m.index),
      message: `正文尚未填写：${m[0]}`,
      hint: HINT,
      excerpt: m[0],
    });
  }
  return out;
}
