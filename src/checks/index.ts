// The registry of every rule and what a check of a tree returns. The one
// engine that runs the rules over a tree is src/scan/scan.ts (npm run check,
// npm run build, the diff and the tests).
import type { KeyPath } from '../lib/key-path.ts';
import type { Position } from '../source/position.ts';
import type { CollectionHit } from './collection.ts';
import { finding } from './report-findings.ts';
import type { Finding } from './types.ts';

export { ALL_RULES, REPORT_RULES, SCHEMA_RULES, SOURCE_RULES } from './registry.ts';

export interface CheckResult {
  root: string;
  reports: number;
  findings: Finding[];
}

export const byPosition = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

/** Findings of the cross-file rules, each placed by `locate` at the key it is about. */
export function collectionFindings(
  hits: readonly CollectionHit[],
  locate: (file: string, key: KeyPath) => Position,
): Finding[] {
  return hits.map((hit) =>
    finding(hit.file, locate(hit.file, hit.key), {
      rule: hit.rule,
      message: hit.message,
      ...(hit.hint ? { hint: hit.hint } : {}),
    }),
  );
}

/** Exit status of a check: 1 when an unacknowledged error (or, strictly, warning) remains; information never fails. */
export function failed(result: CheckResult, strict = false): boolean {
  return result.findings.some(
    (f) => !f.acknowledged && (f.severity === 'error' || (strict && f.severity === 'warning')),
  );
}

export type { Finding } from './types.ts';
