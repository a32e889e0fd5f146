// Reads an existing report, Word (.docx, via mammoth) or plain text, into a
// flat list of blocks: lines of text, headings Word marked as such, lists and
// tables. Nothing is reworded; page breaks and numbering are dealt with later.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import { UserError } from '../cli/run.ts';

export interface SourceBlock {
  kind: 'text' | 'heading' | 'list' | 'table';
  /** Text of a line, paragraph or heading (Markdown ** for bold). */
  text: string;
  /** Word heading level (1 = Heading 1), for kind 'heading'. */
  level?: number;
  items?: string[];
  ordered?: boolean;
  rows?: string[][];
  /** Where in the original, for people: “第 12 行” or “第 5 段”. */
  where: string;
}

export interface SourceDocument {
  kind: 'txt' | 'docx';
  blocks: SourceBlock[];
  /** Warnings from the converter (unknown Word styles…). */
  notes: string[];
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Text saved by Windows tools is often GBK/GB18030.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Plain text: a line is a block; tab-separated or |-separated runs of lines are tables. */
export function textBlocks(text: string): SourceBlock[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const blocks: SourceBlock[] = [];
  let table: SourceBlock | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/\s+$/, '');
    const isRow = line.includes('\t') || PIPE_ROW.test(line);
    if (isRow && line.trim()) {
      if (PIPE_RULE.test(line)) return;
      const cells = line.includes('\t')
        ? line.split('\t').map((c) => c.trim())
        : line
            .trim()
            .replace(/^\||\|$/g, '')
            .split('|')
            .map((c) => c.trim());
      if (!table) {
        table = { kind: 'table', text: '', rows: [], where: `第 ${i + 1} 行` };
        blocks.push(table);
      }
      table.rows?.push(cells);
      return;
    }
    table = undefined;
    if (line.trim()) blocks.push({ kind: 'text', text: line.trim(), where: `第 ${i + 1} 行` });
  });
  return blocks;
}

function inline(node: ElementContent): string {
  if (node.type === 'text') return node.value.replace(/[*_`\\]/g, (c) => `\\${c}`);
  if (node.type !== 'element') return '';
  if (node.tagName === 'br') return '\n';
  const inner = node.children.map(inline).join('');
  if ((node.tagName === 'strong' || node.tagName === 'b') && inner.trim()) return `**${inner.trim()}**`;
  return inner;
}

const text = (el: Element) =>
  el.children
    .map(inline)
    .join('')
    .replace(/[ \t\u3000]+/g, ' ')
    .trim();

function cellText(el: Element): string {
  return (
    el.children
      .filter((c): c is Element => c.type === 'element')
      .map((c) => (c.tagName === 'p' ? text(c) : inline(c)))
      .join(' ')
      .trim() || text(el)
  );
}

function docxBlocks(root: Root): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let n = 0;
  const where = () => `第 ${++n} 段`;
  const listItems = (el: Element): string[] =>
    el.children
      .filter((c): c is Element => c.type === 'element' && c.tagName === 'li')
      .flatMap((li) => {
        const own = li.children.filter((c) => !(c.type === 'element' && (c.tagName === 'ol' || c.tagName === 'ul')));
        const nested = li.children.filter(
          (c): c is Element => c.type === 'element' && (c.tagName === 'ol' || c.tagName === 'ul'),
        );
        return [own.map(inline).join('').trim(), ...nested.flatMap(listItems)];
      })
      .filter(Boolean);
  const visit = (node: RootContent) => {
    if (node.type !== 'element') return;
    const tag = node.tagName;
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) blocks.push({ kind: 'heading', level: Number(heading[1]), text: text(node), where: where() });
    else if (tag === 'p') {
      const t = text(node);
      if (t) blocks.push({ kind: 'text', text: t, where: where() });
    } else if (tag === 'ol' || tag === 'ul') {
      blocks.push({ kind: 'list', ordered: tag === 'ol', items: listItems(node), text: '', where: where() });
    } else if (tag === 'table') {
      const rows: string[][] = [];
      const collect = (el: Element) => {
        for (const c of el.children) {
          if (c.type !== 'element') continue;
          if (c.tagName === 'tr')
            rows.push(
              c.children
                .filter((td): td is Element => td.type === 'element' && (td.tagName === 'td' || td.tagName === 'th'))
                .map(cellText),
            );
          else collect(c);
        }
      };
      collect(node);
      blocks.push({ kind: 'table', rows, text: '', where: where() });
    } else node.children.forEach((c) => visit(c as RootContent));
  };
  root.children.forEach(visit);
  return blocks;
}

/** mammoth's warnings, in Chinese where we know them. */
function explainNote(message: string): string {
  const style = /^Unrecognised (paragraph|run) style: '([^']*)'/.exec(message);
  if (style) return `Word 样式“${style[2]}”没有对应的格式，已按普通${style[1] === 'paragraph' ? '段落' : '文字'}处理。`;
  return `转换器提示：${message}`;
}

export async function readDocument(path: string): Promise<SourceDocument> {
  const ext = extname(path).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UserError(`找不到文件 ${path}`);
  }
  if (ext === '.txt' || ext === '.md') return { kind: 'txt', blocks: textBlocks(decodeText(bytes)), notes: [] };
  if (ext === '.docx') {
    let result: { value: string; messages: { message: string }[] };
    try {
      result = await mammoth.convertToHtml({ buffer: bytes });
    } catch {
      throw new UserError(`${path} 不是有效的 Word（.docx）文件。若是旧版 .doc，请先用 Word 或 WPS 另存为 .docx。`);
    }
    return {
      kind: 'docx',
      blocks: docxBlocks(fromHtml(result.value, { fragment: true })),
      notes: result.messages.map((m) => explainNote(m.message)),
    };
  }
  if (ext === '.doc' || ext === '.wps' || ext === '.pdf')
    throw new UserError(`不能直接导入 ${ext} 文件：请用 Word 或 WPS 另存为 .docx，或复制全文另存为 .txt（UTF-8）。`);
  throw new UserError(`只能导入 .docx 或 .txt 文件，收到的是 ${path}`);
}
