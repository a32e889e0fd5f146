// The metadata block government portals show above every disclosed document
// (政府信息公开目录): 索引号, 发布机构, 文号, 成文日期, 发布日期, 时效性.
// Taken from the report's `disclosure` frontmatter; what is not given is said
// to be not given, never invented.
import { formatChineseDate } from '../schema/date.ts';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import { NOT_STATED_TEXT } from '../figures/not-stated.ts';

export interface MetaRow {
  label: string;
  value: string;
  /** ISO date for <time datetime>, when the value is a date. */
  date?: string;
  /** The value is a placeholder for a field the report does not fill. */
  missing?: boolean;
}

const NOT_GIVEN = '未填写';

export function disclosureRows(report: Report, department: Department): MetaRow[] {
  const d = report.disclosure;
  const optional = (label: string, value: string | undefined): MetaRow =>
    value === undefined ? { label, value: NOT_GIVEN, missing: true } : { label, value };
  const published = d?.published;
  return [
    optional('索引号', d?.index_no),
    { label: '发布机构', value: d?.publisher ?? department.name },
    optional('文号', d?.doc_no),
    report.issued === null
      ? { label: '成文日期', value: NOT_STATED_TEXT, missing: true }
      : { label: '成文日期', value: formatChineseDate(report.issued), date: report.issued },
    published
      ? { label: '发布日期', value: formatChineseDate(published), date: published }
      : { label: '发布日期', value: NOT_GIVEN, missing: true },
    { label: '时效性', value: d?.validity ?? '有效' },
  ];
}
