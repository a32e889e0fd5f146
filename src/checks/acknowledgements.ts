// A published report is a legal record: a known discrepancy stays as
// published and is acknowledged in frontmatter (rule id + reason). Matching
// findings are then reported as acknowledged instead of failing.
import type { Acknowledgement } from '../schema/report.ts';
import { closest } from '../lib/suggest.ts';
import type { Finding, RuleInfo } from './types.ts';

export const ACK_RULES: RuleInfo[] = [
  { id: 'ack.unknown-rule', severity: 'error', title: 'acknowledged 中的规则编号存在' },
  { id: 'ack.unused', severity: 'warning', title: 'acknowledged 中的每一条都对应一个实际问题' },
];

export interface AckProblem {
  rule: string;
  index: number;
  message: string;
  hint?: string;
}

export function matches(ack: Acknowledgement, finding: Finding): boolean {
  if (ack.rule !== finding.rule) return false;
  if (ack.match === undefined) return true;
  return (finding.excerpt ?? finding.message).includes(ack.match);
}

/** Marks acknowledged findings; returns problems with the acknowledgements themselves. */
export function applyAcknowledgements(
  acks: readonly Acknowledgement[],
  findings: Finding[],
  knownRules: readonly string[],
): AckProblem[] {
  const problems: AckProblem[] = [];
  acks.forEach((ack, index) => {
    if (!knownRules.includes(ack.rule)) {
      const guess = closest(ack.rule, knownRules);
      problems.push({
        rule: 'ack.unknown-rule',
        index,
        message: `没有编号为 ${ack.rule} 的检查规则${guess ? `，是不是 ${guess}？` : ''}`,
        hint: '规则编号见 npm run check 的输出或 docs/检查规则.md。',
      });
      return;
    }
    const hit = findings.filter((f) => matches(ack, f));
    if (hit.length === 0) {
      problems.push({
        rule: 'ack.unused',
        index,
        message: `已确认的问题 ${ack.rule}${ack.match ? `（“${ack.match}”）` : ''} 已不存在`,
        hint: '问题可能已经改正，或 match 文字不再出现。请删除这一条，以免掩盖将来的问题。',
      });
    }
    for (const f of hit) f.acknowledged ??= ack.reason;
  });
  return problems;
}
