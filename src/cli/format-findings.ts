// Three ways to print check findings: for people (Chinese, grouped by file,
// file:line:col clickable in editors), for programs (JSON, stable, see
// docs/check-json.md) and for GitHub Actions (workflow annotations on the PR).
import { relative } from 'node:path';
import type { CheckResult, Finding } from '../checks/index.ts';

export type Format = 'human' | 'json' | 'github';
export const FORMATS: readonly Format[] = ['human', 'json', 'github'];

const SEVERITY = { error: '错误', warning: '警告', info: '信息' } as const;

/** Paths as the user can open them: relative to the working directory. */
function displayPath(result: CheckResult, file: string, cwd: string): string {
  const path = relative(cwd, `${result.root}/${file}`);
  return path.startsWith('..') ? `${result.root}/${file}` : path;
}

function summary(result: CheckResult) {
  const open = result.findings.filter((f) => !f.acknowledged);
  return {
    reports: result.reports,
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    info: open.filter((f) => f.severity === 'info').length,
    acknowledged: result.findings.length - open.length,
  };
}

export function formatHuman(result: CheckResult, cwd: string, color = false): string {
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const lines: string[] = [];
  let current = '';
  for (const f of result.findings) {
    const path = displayPath(result, f.file, cwd);
    if (path !== current) {
      if (current) lines.push('');
      lines.push(paint('1;4', path));
      current = path;
    }
    const label = f.acknowledged
      ? paint('2', '已确认')
      : f.severity === 'error'
        ? paint('31', SEVERITY.error)
        : f.severity === 'warning'
          ? paint('33', SEVERITY.warning)
          : paint('36', SEVERITY.info);
    lines.push(`${path}:${f.line}:${f.column}  ${label}  ${paint('2', f.rule)}  ${f.message}`);
    if (f.acknowledged) lines.push(`    ${paint('2', `说明：${f.acknowledged}`)}`);
    else if (f.hint) lines.push(`    → ${f.hint}`);
  }
  const s = summary(result);
  if (lines.length) lines.push('');
  lines.push(
    `检查了 ${s.reports} 份报告：${s.errors} 个错误，${s.warnings} 个警告${s.acknowledged ? `，${s.acknowledged} 个已确认的原文问题` : ''}${s.info ? `，${s.info} 条信息（原文未载的数字，不算问题）` : ''}。`,
  );
  return `${lines.join('\n')}\n`;
}

/** Stable JSON (version 1): documented in docs/check-json.md. */
export function formatJson(result: CheckResult, cwd: string): string {
  const findings = result.findings.map((f: Finding) => ({
    file: displayPath(result, f.file, cwd),
    line: f.line,
    column: f.column,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    hint: f.hint ?? null,
    excerpt: f.excerpt ?? null,
    acknowledged: f.acknowledged ?? null,
  }));
  return `${JSON.stringify({ version: 1, summary: summary(result), findings }, null, 2)}\n`;
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(result: CheckResult, cwd: string): string {
  const lines = result.findings.map((f) => {
    const level = f.acknowledged || f.severity === 'info' ? 'notice' : f.severity === 'error' ? 'error' : 'warning';
    const body = f.acknowledged
      ? `${f.message}\n已确认：${f.acknowledged}`
      : f.hint
        ? `${f.message}\n${f.hint}`
        : f.message;
    const props = [
      `file=${escapeProperty(displayPath(result, f.file, cwd))}`,
      `line=${f.line}`,
      `col=${f.column}`,
      `title=${escapeProperty(f.rule)}`,
    ].join(',');
    return `::${level} ${props}::${escapeData(body)}`;
  });
  const s = summary(result);
  lines.push(
    `检查了 ${s.reports} 份报告：${s.errors} 个错误，${s.warnings} 个警告，${s.acknowledged} 个已确认，${s.info} 条信息。`,
  );
  return `${lines.join('\n')}\n`;
}

export function formatFindings(format: Format, result: CheckResult, cwd: string, color = false): string {
  if (format === 'json') return formatJson(result, cwd);
  if (format === 'github') return formatGithub(result, cwd);
  return formatHuman(result, cwd, color);
}
