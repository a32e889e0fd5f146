// Two versions of the content, compared report by report: figures,
// indicators, score and grade, other data, check findings and prose.
import { signed, subtract } from '../lib/decimal.ts';
import { shownGrade } from '../figures/derived.ts';
import { NOT_STATED } from '../figures/not-stated.ts';
import type { Finding } from '../checks/types.ts';
import type { Report } from '../schema/report.ts';
import { REPORT_PATH } from '../source/content-root.ts';
import { compareFields } from './fields.ts';
import { compareFigures } from './figure-changes.ts';
import { compareFindings } from './finding-changes.ts';
import { compareIndicators } from './indicator-changes.ts';
import { pairReports } from './pair.ts';
import { compareProse } from './prose-changes.ts';
import type { DiffResult, FindingRef, OtherFileChange, ReportDiff, ScoreChange, Validity } from './diff-types.ts';
import { findingsOf, otherFiles, reportTexts, scannedReport, type Version } from './version.ts';

/** Rules that mean a file could not be read as a report at all. */
const UNREADABLE = /^(source|schema)\.|^content\.path$/;
const MAX_PROBLEMS = 5;

function validity(v: Version, file: string): Validity {
  const report = scannedReport(v, file);
  const valid = Boolean(report?.data && report.parsed);
  const problems: FindingRef[] = valid
    ? []
    : findingsOf(v, file)
        .filter(
          (f): f is Finding & { severity: FindingRef['severity'] } => UNREADABLE.test(f.rule) && f.severity !== 'info',
        )
        .slice(0, MAX_PROBLEMS)
        .map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, file: f.file, line: f.line }));
  return { valid, problems };
}

export function compareScore(base: Report | undefined, head: Report | undefined): ScoreChange | null {
  // 原文未载 stays as written, so the comparison shows “原文未写 → 98分”.
  const before = base ? (base.score ?? NOT_STATED) : null;
  const after = head ? (head.score ?? NOT_STATED) : null;
  // As shown: “优”, or “优（按得分推算）” when the original states no grade.
  const gradeBefore = base ? (shownGrade(base)?.shown ?? null) : null;
  const gradeAfter = head ? (shownGrade(head)?.shown ?? null) : null;
  if (before === after && gradeBefore === gradeAfter) return null;
  return {
    before,
    after,
    difference: base?.score && head?.score ? signed(subtract(head.score, base.score)) : null,
    gradeBefore,
    gradeAfter,
  };
}

function identity(file: string, data: Report | undefined): { year: number; department: string } {
  const m = REPORT_PATH.exec(file);
  return {
    year: data?.year ?? (m ? Number(m[1]) : 0),
    department: data?.department ?? m?.[2] ?? file.replace(/^.*\/|\.mdx?$/g, ''),
  };
}

function reportDiff(
  status: ReportDiff['status'],
  base: Version,
  head: Version,
  baseFile: string | undefined,
  headFile: string | undefined,
): ReportDiff {
  const b = scannedReport(base, baseFile);
  const h = scannedReport(head, headFile);
  const file = (headFile ?? baseFile) as string;
  const data = h?.data ?? b?.data;
  // Figures are compared only between readable versions; otherwise the validity block explains why not.
  const comparable =
    headFile !== undefined && h?.data !== undefined && (baseFile === undefined || b?.data !== undefined);
  return {
    status,
    file,
    previousFile: status === 'renamed' ? (baseFile ?? null) : null,
    ...identity(file, data),
    title: data?.title ?? null,
    base: baseFile === undefined ? null : validity(base, baseFile),
    head: headFile === undefined ? null : validity(head, headFile),
    figures: comparable ? compareFigures(b?.data, h?.data) : [],
    indicators: comparable ? compareIndicators(b?.data, h?.data) : [],
    score: comparable ? compareScore(b?.data, h?.data) : null,
    fields: comparable ? compareFields(b?.data, h?.data) : [],
    findings: compareFindings(
      baseFile === undefined ? [] : findingsOf(base, baseFile),
      headFile === undefined ? [] : findingsOf(head, headFile),
    ),
    prose: headFile === undefined || baseFile === undefined ? emptyProse() : compareProse(b?.prose, h?.prose),
  };
}

const emptyProse = () => ({ changed: 0, added: 0, removed: 0, excerpts: [] });

function hasChanges(d: ReportDiff): boolean {
  return (
    d.status !== 'changed' ||
    d.figures.length > 0 ||
    d.indicators.length > 0 ||
    d.score !== null ||
    d.fields.length > 0 ||
    d.findings.new.length > 0 ||
    d.findings.resolved.length > 0 ||
    d.prose.changed + d.prose.added + d.prose.removed > 0 ||
    d.base?.valid !== d.head?.valid
  );
}

async function compareOtherFiles(base: Version, head: Version): Promise<OtherFileChange[]> {
  const b = await otherFiles(base);
  const h = await otherFiles(head);
  const out: OtherFileChange[] = [];
  for (const file of [...new Set([...b.keys(), ...h.keys()])].sort()) {
    const before = b.get(file);
    const after = h.get(file);
    if (before === after) continue;
    out.push({ file, status: before === undefined ? 'added' : after === undefined ? 'removed' : 'changed' });
  }
  return out;
}

export async function diffVersions(base: Version, head: Version): Promise<DiffResult> {
  const pairing = pairReports(await reportTexts(base), await reportTexts(head));
  const reports: ReportDiff[] = [];
  let unchanged = 0;
  for (const { base: b, head: h, renamed } of pairing.pairs) {
    const d = reportDiff(renamed ? 'renamed' : 'changed', base, head, b.file, h.file);
    if (hasChanges(d)) reports.push(d);
    else unchanged++;
  }
  for (const h of pairing.added) reports.push(reportDiff('added', base, head, undefined, h.file));
  for (const b of pairing.removed) reports.push(reportDiff('removed', base, head, b.file, undefined));
  reports.sort((x, y) => x.file.localeCompare(y.file));
  const count = (status: ReportDiff['status']) => reports.filter((r) => r.status === status).length;
  return {
    version: 1,
    base: base.side,
    head: head.side,
    summary: {
      added: count('added'),
      removed: count('removed'),
      renamed: count('renamed'),
      changed: count('changed'),
      unchanged,
      invalid: reports.filter((r) => r.head && !r.head.valid).length,
      newFindings: reports.reduce((n, r) => n + r.findings.new.length, 0),
      resolvedFindings: reports.reduce((n, r) => n + r.findings.resolved.length, 0),
    },
    reports,
    otherFiles: await compareOtherFiles(base, head),
  };
}
