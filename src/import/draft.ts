// The whole import: read → structure → duties/units → body → parse the body
// with the project's one Markdown parser → figures with their sentences →
// frontmatter. Returns the draft text and what was found, for the report.
import { basename } from 'node:path';
import type { Department } from '../schema/department.ts';
import { parseBody } from '../source/markdown.ts';
import { lineIndex } from '../source/position.ts';
import { proseBlocks } from '../source/prose.ts';
import { toHalfWidthDigits } from '../lib/numbers.ts';
import { UserError } from '../cli/run.ts';
import { renderBody, renderFrontmatter } from './emit.ts';
import { extract, extractBasis, extractDuties, extractUnits, type Extraction } from './extract.ts';
import { readDocument } from './document.ts';
import { structure, type Structured } from './structure.ts';

export interface ImportOptions {
  department?: string;
  year?: number;
  departments: readonly Department[];
}

export interface Draft {
  text: string;
  year: number;
  department: string;
  structured: Structured;
  extraction: Extraction;
  duties: string[];
  units: string[];
  basis?: string;
  /** Line in the draft of a body offset. */
  lineOf(bodyOffset: number): number;
  notes: string[];
}

function whichDepartment(s: Structured, departments: readonly Department[]): Department | undefined {
  const issuer = s.issuer?.text;
  const byIssuer = departments.find((d) => d.name === issuer);
  if (byIssuer) return byIssuer;
  const title = s.title?.text ?? '';
  const inTitle = departments.filter((d) => title.includes(d.name) || (d.short_name && title.includes(d.short_name)));
  return inTitle.length === 1 ? inTitle[0] : undefined;
}

export async function importDocument(path: string, options: ImportOptions): Promise<Draft> {
  const doc = await readDocument(path);
  const s = structure(doc.blocks);
  const registered = options.departments.map((d) => d.id).join('、') || '（无）';
  const department = options.department ?? whichDepartment(s, options.departments)?.id;
  if (!department)
    throw new UserError(
      `无法从标题或落款确定是哪个单位的报告：请用 --dept 指定单位代码（已登记：${registered}）。不会猜测。`,
    );
  const yearText = /([0-9０-９]{4})\s*年/.exec(s.title?.text ?? '')?.[1];
  const year = options.year ?? (yearText ? Number(toHalfWidthDigits(yearText)) : undefined);
  if (!year) throw new UserError('无法从标题确定报告年度：请用 --year 指定，例如 --year 2023。不会猜测。');

  const { duties, blocks } = extractDuties(s.blocks);
  const { units } = extractUnits(blocks);
  const basis = extractBasis(blocks);
  const body = renderBody(blocks);
  const parsed = parseBody(body, 'mdx');
  const notes = [...doc.notes];
  if (!parsed.ok) notes.push(`草稿正文的 MDX 无法解析（${parsed.problem.message}），数字只能从表格中提取。`);
  const prose = parsed.ok ? proseBlocks(parsed.tree) : [];
  const extraction = extract(prose, blocks);

  const dept = options.departments.find((d) => d.id === department);
  const transcription = [
    `据原件（${basename(path)}）导入，由 npm run import 生成草稿。`,
    s.joins.length ? `原件分页处断开的 ${s.joins.length} 个段落已接续；` : '',
    s.boldFixes ? `${s.boldFixes} 处加粗小标题的标点移到加粗之外（Markdown 排版需要）；` : '',
    '文字、数字与标点照录原文。',
  ].join('');
  const header = [
    ` ${dept?.name ?? department} ${year} 年度部门整体支出绩效自评报告：npm run import 据 ${basename(path)} 生成的草稿。`,
    ' 请逐项核对下列数字（导入时列出了每个数字所在的原句）；【待填】是原文中没有找到的内容，请据实填写，不要估算。',
  ].join('\n');
  const frontmatter = renderFrontmatter(
    {
      ...(s.title ? { title: s.title.text } : {}),
      department,
      year,
      ...(s.issued ? { issued: s.issued.iso } : {}),
      ...(basis ? { basis } : {}),
      transcription,
      duties,
      units,
      ...(s.review ? { review: s.review.rows } : {}),
      ...(s.issuer && s.issuer.text !== dept?.name ? { issuer: s.issuer.text } : {}),
      extraction,
    },
    header,
  );
  const head = `---\n${frontmatter}---\n\n`;
  const text = head + body;
  const position = lineIndex(text);
  return {
    text,
    year,
    department,
    structured: s,
    extraction,
    duties,
    units,
    ...(basis ? { basis } : {}),
    lineOf: (offset) => position(head.length + offset).line,
    notes,
  };
}
