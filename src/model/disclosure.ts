// The metadata block government portals show above every disclosed document
// (政府信息公开目录): 索引号, 发布机构, 文号, 成文日期, 发布日期, 时效性.
// Taken from the report's `disclosure` frontmatter. A field the report does
// not give is left out, never filled with a placeholder or a guess.
import { formatChineseDate } from '../schema/date.ts';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import { NOT_STATED_TEXT } from '../figures/not-stated.ts';

export interface MetaRow {
  label: string;
  value: string;
  /** ISO date for <time datetime>, when the value is a date. */
  date?: string;
}

export function disclosureRows(report: Report, department: Department): MetaRow[] {
  const d = report.disclosure;
  const rows: (MetaRow | undefined)[] = [
    d?.index_no ? { label: '索引号', value: d.index_no } : undefined,
    { label: '发布机构', value: d?.publisher ?? department.name },
    d?.doc_no ? { label: '文号', value: d.doc_no } : undefined,
    report.issued === null
      ? { label: '成文日期', value: NOT_STATED_TEXT }
      : { label: '成文日期', value: formatChineseDate(report.issued), date: report.issued },
    d?.published ? { label: '发布日期', value: formatChineseDate(d.published), date: d.published } : undefined,
    { label: '时效性', value: d?.validity ?? '有效' },
  ];
  return rows.filter((r) => r !== undefined);
}

/** <meta name="PubDate">: the 发布日期 when the report gives one, else nothing (never the 成文日期). */
export const pubDateMeta = (report: Report): Record<string, string> =>
  report.disclosure?.published ? { PubDate: report.disclosure.published } : {};
