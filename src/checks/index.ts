// The registry of every rule, and the one function that runs them over a
// content tree. Used by `npm run check`, `npm run build`, the tests and the
// diff tool alike.
import type { KeyPath } from '../lib/key-path.ts';
import type { ContentTree, FileProblem } from '../source/load.ts';
import type { Position } from '../source/position.ts';
import { checkCollection, type CollectionHit } from './collection.ts';
import { checkReportFile, finding } from './report-findings.ts';
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

/** Every finding for a content tree read in this thread (tools and tests; see scan.ts for large trees). */
export function checkContent(tree: ContentTree): CheckResult {
  const problemsOf = new Map<string, FileProblem[]>();
  for (const p of tree.problems) problemsOf.set(p.file, [...(problemsOf.get(p.file) ?? []), p]);
  const departmentOf = new Map(tree.departments.flatMap((d) => (d.data ? [[d.data.id, d.data] as const] : [])));
  const findings: Finding[] = [];
  for (const report of tree.reports) {
    findings.push(
      ...checkReportFile(report, problemsOf.get(report.file) ?? [], departmentOf.get(report.data?.department ?? '')),
    );
    problemsOf.delete(report.file);
  }
  for (const problems of problemsOf.values()) findings.push(...checkReportFile(undefined, problems, undefined));
  const files = new Map<string, { frontmatter: { locate(key: KeyPath): Position } }>(
    [...tree.reports, ...tree.departments].map((f) => [f.file, f]),
  );
  findings.push(
    ...collectionFindings(
      checkCollection(tree.departments, tree.reports),
      (file, key) => files.get(file)?.frontmatter.locate(key) ?? { line: 1, column: 1 },
    ),
  );
  return { root: tree.root, reports: tree.reportFiles, findings: findings.sort(byPosition) };
}

/** Exit status of a check: 1 when an unacknowledged error (or, strictly, warning) remains; information never fails. */
export function failed(result: CheckResult, strict = false): boolean {
  return result.findings.some(
    (f) => !f.acknowledged && (f.severity === 'error' || (strict && f.severity === 'warning')),
  );
}

export type { Finding } from './types.ts';
