// The whole import: read → forms → structure → duties/units → tables (read by
// their headers; the score sheet into frontmatter, pure forms into “标签：值”
// lines) → body → parse the body with the project's one Markdown parser →
// figures with their sources → frontmatter. Returns the draft text and what
// was found, for the report. Nothing is written here.
import { basename } from 'node:path';
import { UserError } from '../cli/run.ts';
import { toHalfWidthDigits } from '../lib/numbers.ts';
import type { Department } from '../schema/department.ts';
import { parseBody } from '../source/markdown.ts';
import { lineIndex } from '../source/position.ts';
import { proseBlocks } from '../source/prose.ts';
import { readDocument } from './document.ts';
import { renderBody, renderFrontmatter } from './emit.ts';
import {
  extract,
  extractBasis,
  extractDuties,
  extractUnits,
  UNIT_LINE,
  type AnalysedTable,
  type Extraction,
} from './extract.ts';
import { findForms, type FormNotes } from './forms.ts';
import { noteCover, structure, type DraftBlock, type Structured } from './structure.ts';
import { analyseTable } from './tables.ts';

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
  forms: FormNotes & { fromTables: number };
  duties: string[];
  units: string[];
  basis?: string;
  issued?: { iso: string; from: string };
  /** 成文日期 candidates that disagree or cannot be read: left 【待填】. */
  issuedProblem?: string;
  /** Line in the draft of a body offset. */
  lineOf(bodyOffset: number): number;
  notes: string[];
}

function whichDepartment(s: Structured, departments: readonly Department[], fileName: string): Department | undefined {
  const byName = (text: string | undefined) =>
    text === undefined ? undefined : departments.find((d) => d.name === text || d.short_name === text);
  const cover = s.cover.department;
  const fromCover = byName(cover?.text);
  if (cover && !fromCover)
    throw new UserError(
      `${fileName} 的封面写的单位是“${cover.text}”，没有在 departments/ 中登记：请先登记该单位，或用 --dept 指定单位代码。不会猜测。`,
    );
  const fromIssuer = byName(s.issuer?.text);
  if (fromCover && fromIssuer && fromCover.id !== fromIssuer.id)
    throw new UserError(
      `${fileName} 的封面写“${cover?.text}”，落款却是“${s.issuer?.text}”：请用 --dept 指定是哪个单位的报告。不会猜测。`,
    );
  if (fromCover ?? fromIssuer) return fromCover ?? fromIssuer;
  const title = s.title?.text ?? '';
  const inTitle = departments.filter((d) => title.includes(d.name) || (d.short_name && title.includes(d.short_name)));
  return inTitle.length === 1 ? inTitle[0] : undefined;
}

/** 成文日期 from the 落款 and the cover's 报告日期: one date, or none with the reason. */
function issuedDate(s: Structured): { issued?: { iso: string; from: string }; problem?: string } {
  const dates = [
    ...(s.issued ? [{ iso: s.issued.iso, from: `落款（原件${s.issued.where}）：“${s.issued.text}”` }] : []),
    ...(s.cover.date?.iso
      ? [{ iso: s.cover.date.iso, from: `封面报告日期（原件${s.cover.date.where}）：“${s.cover.date.text}”` }]
      : []),
  ];
  if (s.cover.date && !s.cover.date.iso && !dates.length)
    return { problem: `封面的报告日期“${s.cover.date.text}”不是完整的日期` };
  const first = dates[0];
  if (!first) return {};
  if (dates.some((d) => d.iso !== first.iso))
    return { problem: `原文中有不同的日期：${dates.map((d) => `${d.iso} ← ${d.from}`).join('；')}` };
  return { issued: first };
}

/** Reads every table by its header; a pure form becomes “标签：值” lines, the score sheet <ScoreSheet />. */
function readTables(blocks: readonly DraftBlock[]): {
  blocks: DraftBlock[];
  tables: AnalysedTable[];
  formFields: number;
} {
  const tables: AnalysedTable[] = [];
  const out: DraftBlock[] = [];
  let formFields = 0;
  let sheetPlaced = false;
  blocks.forEach((b, i) => {
    if (b.kind !== 'table') {
      out.push(b);
      return;
    }
    const before = blocks[i - 1];
    const unitBefore = before?.kind === 'paragraph' ? UNIT_LINE.exec(before.text.trim())?.[1] : undefined;
    const analysis = analyseTable(b.table, b.where, unitBefore);
    // A pure form becomes field lines, which state its figures (extract.ts reads fields): not twice.
    const pure = analysis.kind === 'form' && analysis.pureForm;
    tables.push({ where: b.where, analysis: pure ? { ...analysis, candidates: [] } : analysis });
    if (analysis.kind === 'score-sheet' && analysis.scoreSheet?.length && !sheetPlaced) {
      sheetPlaced = true;
      out.push({ kind: 'component', name: 'ScoreSheet', where: b.where });
    } else if (pure) {
      formFields += analysis.fields.length;
      for (const f of analysis.fields) out.push({ kind: 'field', label: f.label, value: f.value, where: b.where });
    } else out.push(b);
  });
  return { blocks: out, tables, formFields };
}

export async function importDocument(path: string, options: ImportOptions): Promise<Draft> {
  const fileName = basename(path);
  const doc = await readDocument(path);
  const forms = findForms(doc.blocks);
  const s = structure(forms.blocks);
  const { duties, blocks: withDuties } = extractDuties(s.blocks);
  const { units } = extractUnits(withDuties);
  const basis = extractBasis(withDuties);
  const { blocks, tables, formFields } = readTables(withDuties);
  for (const b of blocks) noteCover(s.cover, b); // a cover kept as a table (Word, Excel)

  const registered = options.departments.map((d) => d.id).join('、') || '（无）';
  const department = options.department ?? whichDepartment(s, options.departments, fileName)?.id;
  if (!department)
    throw new UserError(
      `无法从标题、封面或落款确定是哪个单位的报告：请用 --dept 指定单位代码（已登记：${registered}）。不会猜测。`,
    );
  const yearText = /([0-9０-９]{4})\s*年/.exec(s.title?.text ?? '')?.[1];
  const year = options.year ?? (yearText ? Number(toHalfWidthDigits(yearText)) : undefined);
  if (!year) throw new UserError('无法从标题确定报告年度：请用 --year 指定，例如 --year 2023。不会猜测。');

  if (doc.kind === 'xlsx' && !tables.some((t) => t.analysis.kind !== 'other' && t.analysis.kind !== 'refused'))
    throw new UserError(
      `${fileName} 中没有可识别的表格：没有找到带“分值”“得分”列的自评得分表、带“年初预算数”“全年预算数”等列的表格或“标签 | 值”形式的表单${
        tables.some((t) => t.analysis.kind === 'refused') ? '（有的表格各行格数不一致，无法对齐）' : ''
      }。请确认工作表内容，或把报告另存为 .docx / .txt 再导入。`,
    );
  const body = renderBody(blocks);
  const parsed = parseBody(body, 'mdx');
  const notes = [...doc.notes];
  if (!parsed.ok) notes.push(`草稿正文的 MDX 无法解析（${parsed.problem.message}），数字只能从表格和表单中提取。`);
  const prose = parsed.ok ? proseBlocks(parsed.tree) : [];
  const extraction = extract(prose, blocks, tables);
  const { issued, problem: issuedProblem } = issuedDate(s);

  const dept = options.departments.find((d) => d.id === department);
  const fields = forms.notes.paired + formFields;
  const byWhy = (why: string) => s.joins.filter((j) => j.why === why).length;
  const transcription = [
    `据原件（${fileName}）导入，由 npm run import 生成草稿。`,
    fields ? `表单中分行或分格写的标签和值写成“标签：值”，共 ${fields} 项；` : '',
    s.joins.length
      ? `接续了 ${s.joins.length} 处断开的段落（${[
          byWhy('page') ? `${byWhy('page')} 处在原件的换页或页码处` : '',
          byWhy('clause') ? `${byWhy('clause')} 处断在句子中间` : '',
          byWhy('run') ? `${byWhy('run')} 处位于编号 n 与 n+1 之间` : '',
        ]
          .filter(Boolean)
          .join('，')}）；`
      : '',
    s.pageMarks ? `删去了 ${s.pageMarks} 处页码或换页符；` : '',
    extraction.scoreSheet ? '自评得分表逐行录入 score_sheet，正文原处以 <ScoreSheet /> 显示；' : '',
    s.boldFixes ? `${s.boldFixes} 处加粗小标题的标点移到加粗之外（Markdown 排版需要）；` : '',
    '文字、数字与标点照录原文。',
  ].join('');
  const header = [
    ` ${dept?.name ?? department} ${year} 年度部门整体支出绩效自评报告：npm run import 据 ${fileName} 生成的草稿。`,
    ' 请逐项核对下列数字（导入时列出了每个数字的出处）；【待填】是导入时没有找到或无法确定的内容：',
    ' 原文写了的，照原文填写；原文确实没有写的数字或日期，填 原文未载（网页显示“原文未写”）。不要估算。',
  ].join('\n');
  const frontmatter = renderFrontmatter(
    {
      ...(s.title ? { title: s.title.text } : {}),
      department,
      year,
      ...(issued ? { issued: issued.iso } : {}),
      ...(issuedProblem ? { issuedNote: issuedProblem } : {}),
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
    forms: { ...forms.notes, fromTables: formFields },
    duties,
    units,
    ...(basis ? { basis } : {}),
    ...(issued ? { issued } : {}),
    ...(issuedProblem ? { issuedProblem } : {}),
    lineOf: (offset) => position(head.length + offset).line,
    notes,
  };
}
