// Rules across files: a report sits at reports/<year>/<department>.mdx, names
// that year and department in its frontmatter, the department is registered,
// and there is one report per department and year.
import { closest } from '../lib/suggest.ts';
import type { Department } from '../schema/department.ts';
import type { KeyPath } from '../lib/key-path.ts';
import type { Report } from '../schema/report.ts';
import type { RuleInfo } from './types.ts';

export interface CollectionHit {
  rule: string;
  file: string;
  key: KeyPath;
  message: string;
  hint?: string;
}

/** What the cross-file rules need of a file: where it is and what it says. */
export interface CollectionFile<T> {
  file: string;
  data: T | undefined;
}

export interface CollectionReport extends CollectionFile<Report> {
  pathYear: number;
  pathDepartment: string;
}

export const COLLECTION_RULES: RuleInfo[] = [
  { id: 'content.path-mismatch', severity: 'error', title: '文件路径中的年度、单位代码与 frontmatter 一致' },
  { id: 'content.unknown-department', severity: 'error', title: '报告的单位已在 departments/ 中登记' },
  { id: 'content.duplicate-report', severity: 'error', title: '每个单位每年只有一份报告' },
  { id: 'content.department-id', severity: 'error', title: '单位登记文件名与其中的 id 一致，且 id 不重复' },
];

export function checkCollection(
  departments: readonly CollectionFile<Department>[],
  reports: readonly CollectionReport[],
): CollectionHit[] {
  const hits: CollectionHit[] = [];
  const registered = new Map<string, string>();
  for (const dep of departments) {
    if (!dep.data) continue;
    const fileId = dep.file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
    if (dep.data.id !== fileId) {
      hits.push({
        rule: 'content.department-id',
        file: dep.file,
        key: ['id'],
        message: `单位登记文件名是 ${fileId}，其中的 id 却是 ${dep.data.id}`,
        hint: `两者应一致：把 id 改为 ${fileId}，或把文件改名为 ${dep.data.id}.yaml。`,
      });
    }
    const other = registered.get(dep.data.id);
    if (other) {
      hits.push({
        rule: 'content.department-id',
        file: dep.file,
        key: ['id'],
        message: `单位代码 ${dep.data.id} 已在 ${other} 中登记过`,
        hint: '每个单位只登记一次。',
      });
    } else registered.set(dep.data.id, dep.file);
  }

  const byKey = new Map<string, CollectionReport>();
  for (const r of reports) {
    const data = r.data;
    if (!data) continue;
    if (data.year !== r.pathYear) {
      hits.push({
        rule: 'content.path-mismatch',
        file: r.file,
        key: ['year'],
        message: `文件在 reports/${r.pathYear}/ 下，frontmatter 却写 year: ${data.year}`,
        hint: `若这是 ${data.year} 年度的报告，请移到 reports/${data.year}/；否则把 year 改为 ${r.pathYear}。`,
      });
    }
    if (data.department !== r.pathDepartment) {
      hits.push({
        rule: 'content.path-mismatch',
        file: r.file,
        key: ['department'],
        message: `文件名是 ${r.pathDepartment}，frontmatter 却写 department: ${data.department}`,
        hint: `文件名应为单位代码：改名为 ${data.department}.mdx，或把 department 改为 ${r.pathDepartment}。`,
      });
    }
    if (departments.length > 0 && !registered.has(data.department)) {
      const guess = closest(data.department, [...registered.keys()]);
      hits.push({
        rule: 'content.unknown-department',
        file: r.file,
        key: ['department'],
        message: `单位代码 ${data.department} 没有登记${guess ? `，是不是 ${guess}？` : ''}`,
        hint: guess
          ? `改为 department: ${guess}，或在 departments/${data.department}.yaml 中登记该单位。`
          : `请在 departments/${data.department}.yaml 中登记该单位（id、全称、简称）。`,
      });
    }
    const key = `${data.year}/${data.department}`;
    const first = byKey.get(key);
    if (first) {
      hits.push({
        rule: 'content.duplicate-report',
        file: r.file,
        key: ['department'],
        message: `${data.year} 年度 ${data.department} 已有一份报告：${first.file}`,
        hint: '每个单位每年只发布一份报告。请删除或合并其中一份。',
      });
    } else byKey.set(key, r);
  }
  return hits;
}
