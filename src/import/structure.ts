// From lines to a report's structure: the title at the top, the cover page's
// fields (部门(单位)名称, 报告日期, 预算编码), the issuing body and date at the
// bottom, the 审核意见 table, section headings by their numbering (一、 /
// （一） / (一)), and paragraphs cut in two joined again, only where there is
// evidence of a break (a page break or page number between them, a sentence
// cut off mid-clause, an unnumbered piece between items n and n+1). Every
// decision is recorded for the import report.
import { formFieldByLabel } from '../figures/labels.ts';
import { chineseDigits, smallChineseNumber, toHalfWidthDigits } from '../lib/numbers.ts';
import type { SourceBlock } from './source-block.ts';
import { rowTexts, type SourceTable } from './source-table.ts';

export type DraftBlock =
  | { kind: 'heading'; depth: 2 | 3; text: string; where: string }
  | { kind: 'paragraph'; text: string; where: string }
  | { kind: 'list'; ordered: boolean; items: string[]; where: string }
  | { kind: 'table'; table: SourceTable; where: string }
  /** A form's label and its value, written “标签：值” on a line of its own. */
  | { kind: 'field'; label: string; value: string; where: string }
  /** An authoring component in place of what the frontmatter now holds (<Duties />, <ScoreSheet />). */
  | { kind: 'component'; name: 'Duties' | 'ScoreSheet'; where: string };

export interface Join {
  where: string;
  /** The end of the first part and the start of the second. */
  end: string;
  start: string;
  /** The evidence: a page break between them, a clause cut off, a numbered run interrupted. */
  why: 'page' | 'clause' | 'run';
}

export interface CoverField {
  text: string;
  where: string;
}

export interface Structured {
  title?: { text: string; where: string };
  /** The cover page of a form (封面): who, when, the budget code. */
  cover: { department?: CoverField; date?: CoverField & { iso?: string }; budgetCode?: CoverField };
  issuer?: { text: string; where: string };
  issued?: { text: string; iso: string; where: string };
  review?: { rows: { opinion: string; conclusion: string }[]; where: string };
  blocks: DraftBlock[];
  joins: Join[];
  /** Page-number lines and form feeds left out of the body. */
  pageMarks: number;
  /** Bold runs whose closing punctuation was moved outside the ** (Markdown needs it). */
  boldFixes: number;
}

const CN_DIGITS = '一二三四五六七八九十';
export const LEVEL1 = new RegExp(`^(?:[${CN_DIGITS}]+[、.．]|第[${CN_DIGITS}]+(?:部分|章|节)[、.．\\s]?)`);
export const LEVEL2 = new RegExp(`^[（(][${CN_DIGITS}]+[）)]`);
export const NUMBERED = /^([0-9０-９]+)[、.．](?![0-9０-９])/;
const TERMINAL = /[。！？；：!?;:”’」』）)]$|\*\*$/;
const MAX_HEADING = 30;
const MAX_HEADING_HEAD = 20;

function stripBold(text: string): string {
  return text.replace(/\*\*/g, '');
}

/** "2024 年 6 月 26 日", "２０２４年６月２６日", "二〇二四年六月二十六日", "2024-06-26", "2024.6.26" → "2024-06-26". */
export function parseChineseDate(text: string): string | undefined {
  const t = toHalfWidthDigits(stripBold(text)).replace(/\s+/g, '');
  const arabic = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|[-./](\d{1,2})[-./](\d{1,2}))$/.exec(t);
  const cn = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(t);
  let parts: number[] | undefined;
  if (arabic) parts = [Number(arabic[1]), Number(arabic[2] ?? arabic[4]), Number(arabic[3] ?? arabic[5])];
  else if (cn) {
    const [y, m, d] = [chineseDigits(cn[1] ?? ''), smallChineseNumber(cn[2] ?? ''), smallChineseNumber(cn[3] ?? '')];
    if (y !== undefined && m !== undefined && d !== undefined) parts = [y, m, d];
  }
  if (!parts) return undefined;
  const [y, m, d] = parts as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that reads as a heading, or a heading followed by its first sentence on the same line. */
function splitHeading(text: string): { depth: 2 | 3; heading: string; rest: string } | undefined {
  const plain = stripBold(text);
  const depth = LEVEL1.test(plain) ? 2 : LEVEL2.test(plain) ? 3 : undefined;
  if (!depth) return undefined;
  if (plain.length <= MAX_HEADING && !/[，。；]/.test(plain.slice(0, -1)) && !/[，；]$/.test(plain))
    return { depth, heading: plain, rest: '' };
  // “（一）职责简述。1、贯彻落实……”: the heading ends at its first full stop.
  const stop = plain.indexOf('。');
  if (stop > 0 && stop < MAX_HEADING_HEAD && !/[，；]/.test(plain.slice(0, stop)))
    return { depth, heading: plain.slice(0, stop + 1), rest: plain.slice(stop + 1).trim() };
  return undefined;
}

/**
 * **企业上云上平台方面：**多次 → **企业上云上平台方面**：多次. CommonMark cannot
 * close bold right after punctuation when text follows, so the mark moves out.
 */
function fixBold(text: string): { text: string; fixes: number } {
  const parts = text.split('**');
  if (parts.length < 3 || parts.length % 2 === 0) return { text, fixes: 0 };
  let fixes = 0;
  for (let i = 1; i < parts.length; i += 2) {
    const inner = parts[i] ?? '';
    const after = parts[i + 1] ?? '';
    const m = /[：:，,。；;、]+$/.exec(inner);
    if (!m || !after || /^\s/.test(after)) continue;
    parts[i] = inner.slice(0, m.index);
    parts[i + 1] = m[0] + after;
    fixes++;
  }
  // Rejoin: odd parts are bold.
  const out = parts.map((p, i) => (i % 2 === 1 ? `**${p}**` : p)).join('');
  return { text: out, fixes };
}

const isShortLine = (t: string) => t.length <= 40 && !/[，。；：,;:]/.test(stripBold(t));

const isText = (b: SourceBlock | undefined) => b?.kind === 'text';
/** A report's title; a form's cover calls itself 自评表 or 评价表. */
const TITLE_WORD = /报告|自评表|评价表/;
/** “（2023年度）” under a cover's title belongs to it. */
const TITLE_YEAR = /^[（(]\s*[0-9０-９]{4}\s*年度?\s*[）)]$/;

export function structure(source: readonly SourceBlock[]): Structured {
  const blocks = [...source];
  const out: Structured = { cover: {}, blocks: [], joins: [], boldFixes: 0, pageMarks: 0 };
  while (blocks.at(-1)?.kind === 'page-break') {
    blocks.pop();
    out.pageMarks++;
  }

  // The issuing body and date close the report.
  const last = blocks.at(-1);
  const iso = last?.kind === 'text' ? parseChineseDate(last.text) : undefined;
  if (last && iso) {
    out.issued = { text: stripBold(last.text), iso, where: last.where };
    blocks.pop();
    const issuer = blocks.at(-1);
    if (issuer?.kind === 'text' && isShortLine(issuer.text) && !splitHeading(issuer.text)) {
      out.issuer = { text: stripBold(issuer.text), where: issuer.where };
      blocks.pop();
    }
  }
  // The 审核意见 table.
  const reviewIndex = blocks.findIndex(
    (b) => b.kind === 'table' && b.table?.rows[0]?.some((c) => /审核意见/.test(c.text)),
  );
  if (reviewIndex >= 0) {
    const table = blocks[reviewIndex] as SourceBlock;
    const rows = rowTexts(table.table as SourceTable)
      .slice(1)
      .map((r) => ({
        opinion: stripBold(r[0] ?? ''),
        conclusion: stripBold(r.slice(1).join(' ')).replace(/\s+/g, ' ').trim(),
      }));
    out.review = { rows: rows.filter((r) => r.opinion), where: table.where };
    blocks.splice(reviewIndex, 1);
  }
  // The title: the first short line(s) naming the report, before any section.
  const titleLines: SourceBlock[] = [];
  for (const b of blocks) {
    if ((b.kind !== 'text' && b.kind !== 'heading') || !isShortLine(b.text) || splitHeading(b.text)) break;
    titleLines.push(b);
    if (TITLE_WORD.test(b.text)) break;
  }
  if (titleLines.length && TITLE_WORD.test(titleLines.at(-1)?.text ?? '')) {
    const year = blocks[titleLines.length];
    if (year && isText(year) && TITLE_YEAR.test(year.text.trim())) titleLines.push(year);
    out.title = { text: titleLines.map((b) => stripBold(b.text)).join(''), where: titleLines[0]?.where ?? '' };
    blocks.splice(0, titleLines.length);
  }

  let pageBreak = false;
  for (const b of blocks) {
    if (b.kind === 'page-break') {
      pageBreak = true;
      out.pageMarks++;
      continue;
    }
    const broken = pageBreak;
    pageBreak = false;
    if (b.kind === 'table') {
      out.blocks.push({ kind: 'table', table: b.table as SourceTable, where: b.where });
      continue;
    }
    if (b.kind === 'list') {
      out.blocks.push({ kind: 'list', ordered: b.ordered ?? false, items: b.items ?? [], where: b.where });
      continue;
    }
    if (b.kind === 'field' && b.field) {
      const field: DraftBlock = { kind: 'field', label: b.field.label, value: b.field.value, where: b.where };
      noteCover(out.cover, field);
      out.blocks.push(field);
      continue;
    }
    const bold = fixBold(b.text);
    out.boldFixes += bold.fixes;
    const split = splitHeading(bold.text);
    if (split) {
      out.blocks.push({ kind: 'heading', depth: split.depth, text: split.heading, where: b.where });
      if (split.rest) out.blocks.push({ kind: 'paragraph', text: split.rest, where: b.where });
      continue;
    }
    if (b.kind === 'heading') {
      out.blocks.push({
        kind: 'heading',
        depth: (b.level ?? 1) <= 1 ? 2 : 3,
        text: stripBold(bold.text),
        where: b.where,
      });
      continue;
    }
    const paragraph: DraftBlock = { kind: 'paragraph', text: bold.text, where: b.where };
    if (broken) pageBroken.add(paragraph);
    out.blocks.push(paragraph);
  }
  out.blocks = joinBrokenParagraphs(out.blocks, out.joins);
  return out;
}

/** A cover field (部门(单位)名称, 报告日期, 预算编码), the first of each kind. */
export function noteCover(cover: Structured['cover'], b: DraftBlock): void {
  if (b.kind !== 'field') return;
  const role = formFieldByLabel(b.label)?.role;
  const field = { text: b.value, where: b.where };
  if (role === 'department') cover.department ??= field;
  if (role === 'budget-code') cover.budgetCode ??= field;
  if (role === 'report-date') {
    const date = parseChineseDate(b.value);
    cover.date ??= { ...field, ...(date ? { iso: date } : {}) };
  }
}

/** Paragraphs that follow a page break or page number in the original. */
const pageBroken = new WeakSet<DraftBlock>();

function startsSection(text: string): boolean {
  const plain = stripBold(text);
  return NUMBERED.test(plain) || LEVEL1.test(plain) || LEVEL2.test(plain);
}

function numberOf(text: string): number | undefined {
  const m = NUMBERED.exec(toHalfWidthDigits(stripBold(text)));
  return m ? Number(m[1]) : undefined;
}

/** A paragraph, not a line of a form, long enough to have been wrapped, that stops mid-clause. */
const MIN_WRAPPED = 20;
const CLAUSE_END = /[，、,]$/;

/**
 * A paragraph cut by a page break of the original, joined again (without a
 * space: Chinese text has none) only on evidence: a page break or page number
 * stood between the parts and the first does not end a sentence; or the first
 * stops mid-clause (a comma, or mid-word after a full line of text); or an
 * unnumbered piece sits between items n and n+1 of a numbered run.
 */
function joinBrokenParagraphs(blocks: DraftBlock[], joins: Join[]): DraftBlock[] {
  const out: DraftBlock[] = [];
  let lastNumber: number | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i] as DraftBlock;
    const prev = out.at(-1);
    if (b.kind === 'heading') lastNumber = undefined;
    if (b.kind !== 'paragraph' || prev?.kind !== 'paragraph' || startsSection(b.text)) {
      if (b.kind === 'paragraph') lastNumber = numberOf(b.text) ?? lastNumber;
      out.push(b);
      continue;
    }
    const next = blocks[i + 1];
    const finished = TERMINAL.test(prev.text);
    const cut =
      !finished && (pageBroken.has(b) || CLAUSE_END.test(prev.text) || stripBold(prev.text).length >= MIN_WRAPPED);
    const insideRun = lastNumber !== undefined && next?.kind === 'paragraph' && numberOf(next.text) === lastNumber + 1;
    if (cut || insideRun) {
      joins.push({
        where: b.where,
        end: prev.text.slice(-12),
        start: b.text.slice(0, 12),
        why: pageBroken.has(b) ? 'page' : cut ? 'clause' : 'run',
      });
      prev.text += b.text;
      continue;
    }
    out.push(b);
  }
  return out;
}
