// Every finding of one report file: the problems met reading it, restricted
// MDX, the figure and text rules, acknowledgements, placeholders. The same
// function runs in the scan workers (src/scan/).
import type { FileProblem, ReportFile } from '../source/load.ts';
import type { Position } from '../source/position.ts';
import { applyAcknowledgements } from './acknowledgements.ts';
import { BODY_RULES } from './mdx-safety.ts';
import { findPlaceholders, PLACEHOLDER_RULE } from './placeholders.ts';
import { ALL_RULES, REPORT_RULES, severityOf } from './registry.ts';
import type { Finding, Hit, Locator, RuleInfo } from './types.ts';

export function finding(
  file: string,
  at: Position,
  rest: Omit<Finding, 'file' | 'line' | 'column' | 'severity'>,
): Finding {
  return { file, line: at.line, column: at.column, severity: severityOf.get(rest.rule) ?? 'error', ...rest };
}

export function fromProblem(p: FileProblem): Finding {
  return {
    file: p.file,
    line: p.at.line,
    column: p.at.column,
    rule: p.rule,
    severity: p.severity,
    message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
  };
}

function locate(report: ReportFile, at: Locator): Position {
  return 'key' in at ? report.frontmatter.locate(at.key) : report.position(at.offset);
}

function ruleFindings(report: ReportFile): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: RuleInfo, hit: Hit) =>
    findings.push(
      finding(report.file, locate(report, hit.at), {
        rule: rule.id,
        message: hit.message,
        ...(hit.hint ? { hint: hit.hint } : {}),
        ...(hit.excerpt ? { excerpt: hit.excerpt } : {}),
      }),
    );
  const { body, data } = report;
  if (!body) return findings; // its syntax error is reported alone
  // Restricted MDX first and always: nothing of a body is used before it passes.
  for (const rule of BODY_RULES)
    for (const hit of rule.check(body, { kind: report.kind, file: report.file })) add(rule, hit);
  // Figure and text rules read validated data: an invalid frontmatter gets its schema errors first.
  if (!data) return findings;
  for (const rule of REPORT_RULES) {
    for (const hit of rule.check({ data, body, prose: report.prose })) add(rule, hit);
  }
  const known = ALL_RULES.map((r) => r.id);
  for (const p of applyAcknowledgements(data.acknowledged, findings, known)) {
    findings.push(
      finding(report.file, report.frontmatter.locate(['acknowledged', p.index, 'rule']), {
        rule: p.rule,
        message: p.message,
        ...(p.hint ? { hint: p.hint } : {}),
      }),
    );
  }
  return findings;
}

/**
 * The findings of one report file. `problems` are those met reading it;
 * `report` is undefined when it could not be read at all.
 */
export function checkReportFile(report: ReportFile | undefined, problems: readonly FileProblem[]): Finding[] {
  const findings = [...problems.map(fromProblem), ...(report ? ruleFindings(report) : [])];
  if (!report) return findings;
  // Placeholders are looked for even when the frontmatter does not validate (a
  // figure still 【待填】 is not a number); they then explain the schema error at
  // the same place, which is left out.
  const placeholders = findPlaceholders(report).map(({ at, ...hit }) =>
    finding(report.file, at, { rule: PLACEHOLDER_RULE.id, ...hit }),
  );
  const explained = new Set(placeholders.map((f) => `${f.line}:${f.column}`));
  return [
    ...findings.filter((f) => !(f.rule.startsWith('schema.') && explained.has(`${f.line}:${f.column}`))),
    ...placeholders,
  ];
}
