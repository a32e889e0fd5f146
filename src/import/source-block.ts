// What a reader makes of a document: a flat list of blocks, in order, each
// with where it stands in the original (for people: “第 12 行”, “第 5 段”,
// “工作表“自评表”第 3 行”). Nothing is reworded here.
import type { SourceTable } from './source-table.ts';

export interface SourceBlock {
  /** 'field' is a form's label and value (label and value on their own lines, or “标签：值”). */
  kind: 'text' | 'heading' | 'list' | 'table' | 'field' | 'page-break';
  /** Text of a line, paragraph or heading (Markdown ** for bold); “标签：值” for a field. */
  text: string;
  /** Word heading level (1 = Heading 1), for kind 'heading'. */
  level?: number;
  items?: string[];
  ordered?: boolean;
  table?: SourceTable;
  field?: { label: string; value: string };
  where: string;
}

export interface SourceDocument {
  kind: 'txt' | 'docx' | 'xlsx';
  blocks: SourceBlock[];
  /** What the reader noticed and the person should know (converter warnings, skipped sheets…). */
  notes: string[];
}
