// 原文未载: what the original does not state is listed as information, never
// as a failure, with the rules that could not check because of it (budget.sum
// is not checked when 基本支出 is 原文未载) and what the site computes in its
// place (基本支出 = 人员经费 + 公用经费, marked 计算).
import { shownFigure } from '../figures/derived.ts';
import { figuresIn } from '../figures/figure.ts';
import { NOT_STATED, NOT_STATED_TEXT } from '../figures/not-stated.ts';
import type { KeyPath } from '../lib/key-path.ts';
import type { Hit, ReportRule, RuleInfo } from './types.ts';

/** Does a registry pattern (indicators.*.target, projects.budget_types.*.amount) name this key path? */
export function patternMatches(pattern: string, path: KeyPath): boolean {
  const parts = pattern.split('.');
  return parts.length === path.length && parts.every((p, i) => p === '*' || p === String(path[i]));
}

/** The rules that read a figure, so cannot check it while it is 原文未载. */
export const rulesReading = (rules: readonly RuleInfo[], path: KeyPath): RuleInfo[] =>
  rules.filter((r) => r.id !== NOT_STATED_RULE_ID && r.reads?.some((p) => patternMatches(p, path)));

const NOT_STATED_RULE_ID = 'figure.not-stated';

function skipped(rules: readonly RuleInfo[], path: KeyPath): string {
  const reading = rulesReading(rules, path);
  return reading.length ? `；因此未检查：${reading.map((r) => `${r.id}（${r.title}）`).join('、')}` : '';
}

/** The rule, given the list of every report rule (which includes it: hence a function). */
export function notStatedRule(allRules: () => readonly RuleInfo[]): ReportRule {
  return {
    id: NOT_STATED_RULE_ID,
    severity: 'info',
    title: `原文未载的数字和日期（网页显示“${NOT_STATED_TEXT}”），以及因此未做的检查`,
    check({ data }) {
      const rules = allRules();
      const hits: Hit[] = [];
      if (data.issued === null)
        hits.push({
          at: { key: ['issued'] },
          message: `成文日期：${NOT_STATED}，网页显示“${NOT_STATED_TEXT}”${skipped(rules, ['issued'])}`,
          excerpt: 'issued',
        });
      for (const f of figuresIn(data)) {
        if (f.value !== null) continue;
        const shown = shownFigure(data, f.path);
        const derived =
          shown?.source === 'derived'
            ? `；网页按 ${shown.how} 计算，显示 ${shown.shown}`
            : `，网页显示“${NOT_STATED_TEXT}”`;
        hits.push({
          at: { key: f.path },
          message: `${f.label}：${NOT_STATED}${derived}${skipped(rules, f.path)}`,
          excerpt: f.key,
        });
      }
      return hits;
    },
  };
}
