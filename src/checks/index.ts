// The registry of every rule, and the one function that runs them over a
// content tree. Used by `npm run check`, `npm run build`, the tests and the
// diff tool alike.
import type { ContentTree, FileProblem, ReportFile } from '../source/load.ts';
import type { Position } from '../source/position.ts';
import { ACK_RULES, applyAcknowledgements } from './acknowledgements.ts';
import { budgetEvaluatedCoverage, budgetExecutionRate, budgetSum } from './budget.ts';
import { COLLECTION_RULES, checkCollection } from './collection.ts';
import { issuedAfterYear } from './dates.ts';
import { BODY_RULES } from './mdx-safety.ts';
import { figKeys } from './mdx-figures.ts';
import { indicatorRate, indicatorShortfall } from './indicators.ts';
import {
  projectsBudgetTypeSum,
  projectsCategorySum,
  projectsCount,
  projectsShare,
  projectsSourceSum,
} from './projects.ts';
import { proseFigures } from './prose-figures.ts';
import { findPlaceholders, PLACEHOLDER_RULE } from './placeholders.ts';
import { scoreGrade, scoreRange } from './score.ts';
import { staffingOver } from './staffing.ts';
import { latinWord } from './text-latin.ts';
import { punctuation } from './text-punctuation.ts';
import { repeatedSentence } from './text-repeated.ts';
import type { Finding, Hit, Locator, ReportRule, RuleInfo } from './types.ts';

/** Rules about the files themselves, reported while reading them. */
export const SOURCE_RULES: RuleInfo[] = [
  { id: 'source.encoding', severity: 'error', title: '文件是 UTF-8 编码' },
  { id: 'source.binary', severity: 'error', title: '文件是纯文本（无空字符）' },
  { id: 'source.too-large', severity: 'error', title: '文件大小在上限之内' },
  { id: 'source.frontmatter', severity: 'error', title: '报告以 --- 包围的 frontmatter 开头' },
  { id: 'source.yaml', severity: 'error', title: 'frontmatter / YAML 语法正确' },
  { id: 'source.mdx', severity: 'error', title: '正文 MDX 语法正确' },
  { id: 'content.path', severity: 'error', title: '报告位于 reports/<年度>/<单位代码>.mdx' },
  { id: 'content.missing', severity: 'error', title: '内容目录中有 site.yaml' },
  { id: 'content.symlink', severity: 'error', title: '内容目录中没有符号链接' },
  { id: 'source.too-complex', severity: 'error', title: '正文的嵌套层数和解析时间、内存在上限之内' },
  PLACEHOLDER_RULE,
];

export const SCHEMA_RULES: RuleInfo[] = [
  { id: 'schema.required', severity: 'error', title: '必填项齐全' },
  { id: 'schema.type', severity: 'error', title: '每一项的类型正确（数字、文字、列表）' },
  { id: 'schema.unknown-key', severity: 'error', title: '没有拼错或多余的项' },
  { id: 'schema.number-format', severity: 'error', title: '数字为半角、无千位分隔符、非负' },
  { id: 'schema.date', severity: 'error', title: '日期有效，格式为 YYYY-MM-DD' },
  { id: 'schema.value', severity: 'error', title: '取值在允许范围内' },
];

export const REPORT_RULES: readonly ReportRule[] = [
  budgetSum,
  budgetExecutionRate,
  budgetEvaluatedCoverage,
  projectsCategorySum,
  projectsBudgetTypeSum,
  projectsSourceSum,
  projectsShare,
  projectsCount,
  indicatorRate,
  indicatorShortfall,
  staffingOver,
  scoreRange,
  scoreGrade,
  issuedAfterYear,
  proseFigures,
  figKeys,
  repeatedSentence,
  latinWord,
  punctuation,
];

export const ALL_RULES: readonly RuleInfo[] = [
  ...SOURCE_RULES,
  ...SCHEMA_RULES,
  ...COLLECTION_RULES,
  ...BODY_RULES.map(({ id, severity, title }) => ({ id, severity, title })),
  ...REPORT_RULES.map(({ id, severity, title }) => ({ id, severity, title })),
  ...ACK_RULES,
];

const severityOf = new Map(ALL_RULES.map((r) => [r.id, r.severity]));

export interface CheckResult {
  root: string;
  reports: number;
  findings: Finding[];
}

function finding(file: string, at: Position, rest: Omit<Finding, 'file' | 'line' | 'column' | 'severity'>): Finding {
  return { file, line: at.line, column: at.column, severity: severityOf.get(rest.rule) ?? 'error', ...rest };
}

function fromProblem(p: FileProblem): Finding {
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

function checkReport(report: ReportFile, tree: ContentTree): Finding[] {
  const department = tree.departments.find((d) => d.data?.id === report.data?.department)?.data;
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
  for (const rule of BODY_RULES) for (const hit of rule.check(body, report.kind)) add(rule, hit);
  // Figure and text rules read validated data: an invalid frontmatter gets its schema errors first.
  if (!data) return findings;
  for (const rule of REPORT_RULES) {
    for (const hit of rule.check({ data, body, prose: report.prose, department })) add(rule, hit);
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

const byPosition = (a: Finding, b: Finding) =>
  a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);

/** Every finding for a content tree: source and schema problems, cross-file rules, report rules. */
export function checkContent(tree: ContentTree): CheckResult {
  const findings: Finding[] = tree.problems.map(fromProblem);
  for (const hit of checkCollection(tree)) {
    const file = tree.reports.find((r) => r.file === hit.file) ?? tree.departments.find((d) => d.file === hit.file);
    findings.push(
      finding(hit.file, file?.frontmatter.locate(hit.key) ?? { line: 1, column: 1 }, {
        rule: hit.rule,
        message: hit.message,
        ...(hit.hint ? { hint: hit.hint } : {}),
      }),
    );
  }
  for (const report of tree.reports) findings.push(...checkReport(report, tree));
  // Placeholders are looked for even when the frontmatter does not validate (a
  // figure still 【待填】 is not a number); they then explain the schema error at
  // the same place, which is left out.
  const placeholders = tree.reports.flatMap((report) =>
    findPlaceholders(report).map(({ at, ...hit }) => finding(report.file, at, { rule: PLACEHOLDER_RULE.id, ...hit })),
  );
  const explained = new Set(placeholders.map((f) => `${f.file}:${f.line}:${f.column}`));
  const rest = findings.filter(
    (f) => !(f.rule.startsWith('schema.') && explained.has(`${f.file}:${f.line}:${f.column}`)),
  );
  return { root: tree.root, reports: tree.reportFiles, findings: [...rest, ...placeholders].sort(byPosition) };
}

/** Exit status of a check: 1 when an unacknowledged error (or, strictly, warning) remains. */
export function failed(result: CheckResult, strict = false): boolean {
  return result.findings.some((f) => !f.acknowledged && (f.severity === 'error' || strict));
}

export type { Finding } from './types.ts';
