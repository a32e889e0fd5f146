// Next year's report from this year's: the structure and the recurring text
// stay (duties, internal units, indicator names, review table, headings, and
// paragraphs without figures), every figure and every paragraph that states
// figures becomes 【待填】, which `npm run check` flags until it is filled.
import type { Nodes, Root } from 'mdast';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { placeholder, PLACEHOLDER } from '../checks/placeholders.ts';
import type { KeyPath } from '../lib/key-path.ts';
import { splitFrontmatter } from '../source/frontmatter.ts';
import type { ReportFile } from '../source/load.ts';
import { isFigurePath } from '../figures/figure.ts';
import { fieldTitle } from '../schema/field-titles.ts';

export interface Scaffold {
  text: string;
  /** Figures and other values left to fill in the frontmatter. */
  figures: number;
  /** Paragraphs and table cells kept as they were (years moved on). */
  keptParagraphs: number;
  /** Paragraphs and table cells replaced by 【待填…】. */
  emptiedParagraphs: number;
}

/** Year-specific values that a new report must not inherit. */
const DROP: KeyPath[] = [
  ['transcription'],
  ['grade'],
  ['acknowledged'],
  ['budget', 'full_coverage'],
  ['projects', 'funds'],
  ['disclosure', 'published'],
  ['disclosure', 'index_no'],
  ['disclosure', 'doc_no'],
];
const DROP_IN_INDICATORS = ['note', 'approx'];

/** Comments that describe last year's published text. */
const STALE_COMMENT = /原文|acknowledged/;

/** 2023 → 2024 and 2024 → 2025 where a year stands alone (not inside 20231 or 2023.5). */
export function shiftYears(text: string, from: number, to: number): string {
  return text.replace(/(?<![0-9０-９.])(\d{4})(?![0-9０-９])/g, (y) => {
    const n = Number(y);
    return n === from || n === from + 1 ? String(n + to - from) : y;
  });
}

function cleanComments(node: Node | null | undefined): void {
  if (!node) return;
  if (node.comment && STALE_COMMENT.test(node.comment)) node.comment = '';
  if (node.commentBefore && STALE_COMMENT.test(node.commentBefore)) node.commentBefore = '';
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        cleanComments(item.key as Node);
        cleanComments(item.value as Node);
      } else cleanComments(item as Node);
    }
  }
}

/** Replaces every figure by 【待填】; counts them. */
function emptyFigures(node: Node | null | undefined, path: KeyPath): number {
  if (isScalar(node)) {
    if (!isFigurePath(path)) return 0;
    node.value = PLACEHOLDER;
    node.type = 'PLAIN';
    const title = fieldTitle(path);
    if (title && !node.comment) node.comment = ` ${title}`;
    return 1;
  }
  let n = 0;
  if (isMap(node))
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key)) n += emptyFigures(pair.value as Node, [...path, String(pair.key.value)]);
    }
  if (isSeq(node)) node.items.forEach((item, i) => (n += emptyFigures(item as Node, [...path, i])));
  return n;
}

function setText(doc: Document, path: KeyPath, value: string, comment?: string): void {
  const node = doc.getIn(path, true);
  if (!isScalar(node)) return;
  node.value = value;
  node.type = 'PLAIN';
  if (comment !== undefined) node.comment = comment;
}

function scaffoldFrontmatter(
  yaml: string,
  from: number,
  to: number,
  header: string,
): { text: string; figures: number } {
  const doc = parseDocument(yaml);
  for (const path of DROP) {
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (isMap(parent)) doc.deleteIn(path);
  }
  const indicators = doc.get('indicators', true);
  if (isSeq(indicators))
    for (const item of indicators.items) for (const key of DROP_IN_INDICATORS) if (isMap(item)) item.delete(key);
  // The score sheet keeps its indicators and targets; what was achieved and why it fell short are last year's.
  const sheet = doc.get('score_sheet', true);
  if (isSeq(sheet))
    for (const item of sheet.items)
      if (isMap(item)) {
        item.delete('note');
        if (item.has('actual')) item.set('actual', placeholder('实际完成值'));
      }
  cleanComments(doc.contents);
  let figures = emptyFigures(doc.contents, []);
  doc.set('year', to);
  const title = doc.get('title');
  if (typeof title === 'string') setText(doc, ['title'], shiftYears(title, from, to));
  setText(doc, ['issued'], placeholder('成文日期，如 2025-06-20'), ' 成文日期（YYYY-MM-DD）');
  figures++;
  const basis = doc.get('basis');
  if (typeof basis === 'string') {
    setText(doc, ['basis'], placeholder('评价依据（本年度通知名称及文号）'), ` 上一年度：${basis}`);
    figures++;
  }
  doc.commentBefore = header;
  if (doc.contents) doc.contents.commentBefore = '';
  const first = isMap(doc.contents) ? doc.contents.items[0] : undefined;
  if (first && isPair(first)) (first.key as Node).commentBefore = '';
  return { text: doc.toString({ lineWidth: 0 }), figures };
}

const NUMBERING = /^\s*(?:\d+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)/;

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c as Nodes)).join('') : '';
}

/** Does the text state figures of its year (beyond its numbering and the years themselves)? */
function statesFigures(text: string, from: number): boolean {
  const rest = text.replace(NUMBERING, '').replace(/(?<![0-9])(\d{4})(?![0-9])/g, (y) => {
    const n = Number(y);
    return n === from || n === from + 1 ? '' : y;
  });
  return /[0-9０-９]/.test(rest);
}

/** A short, safe reminder of what last year's paragraph said, for the placeholder. */
function reminder(text: string): string {
  const clean = text
    .replace(NUMBERING, '')
    .replace(/[【】\n<>{}*_`|\\]/g, '')
    .trim();
  return `上一年度此处为“${clean.length > 24 ? `${clean.slice(0, 24)}…` : clean}”`;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function scaffoldBody(tree: Root, text: string, from: number, to: number) {
  const edits: Edit[] = [];
  let kept = 0;
  let emptied = 0;
  const visit = (node: Nodes) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type === 'heading' && start !== undefined && end !== undefined) {
      edits.push({ start, end, text: shiftYears(text.slice(start, end), from, to) });
      return;
    }
    if ((node.type === 'paragraph' || node.type === 'tableCell') && start !== undefined && end !== undefined) {
      const content = textOf(node);
      if (!content.trim()) return;
      if (statesFigures(content, from)) {
        const numbering = node.type === 'paragraph' ? (NUMBERING.exec(content)?.[0].trim() ?? '') : '';
        const fill = node.type === 'tableCell' ? PLACEHOLDER : `${numbering}${placeholder(reminder(content))}`;
        // A table cell's range includes its pipes' padding: replace the text inside only.
        const inner = node.type === 'tableCell' ? innerRange(node, text) : { start, end };
        edits.push({ ...inner, text: fill });
        emptied++;
      } else {
        edits.push({ start, end, text: shiftYears(text.slice(start, end), from, to) });
        kept++;
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, kept, emptied };
}

function innerRange(cell: Nodes, text: string): { start: number; end: number } {
  const children = 'children' in cell ? cell.children : [];
  const first = children[0]?.position?.start.offset;
  const last = children.at(-1)?.position?.end.offset;
  if (first !== undefined && last !== undefined) return { start: first, end: last };
  const start = cell.position?.start.offset ?? 0;
  return { start, end: start + text.slice(start).search(/\||$/m) };
}

export function scaffoldFrom(report: ReportFile, year: number, header: string): Scaffold {
  const split = splitFrontmatter(report.text);
  if (!split || !report.body) throw new Error('scaffoldFrom needs a report whose frontmatter and body parse');
  const from = report.pathYear;
  const fm = scaffoldFrontmatter(split.yaml, from, year, header);
  const body = scaffoldBody(report.body, report.text, from, year);
  return {
    text: `---\n${fm.text}---\n${body.text.slice(split.bodyOffset)}`,
    figures: fm.figures,
    keptParagraphs: body.kept,
    emptiedParagraphs: body.emptied,
  };
}
