// Word (.docx) through mammoth: paragraphs, Word headings, lists and tables.
// mammoth keeps merged cells as colspan (gridSpan) and rowspan (vMerge), so a
// Word table keeps its shape on the grid.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import mammoth from 'mammoth';
import type { SourceBlock } from './source-block.ts';
import type { SourceCell } from './source-table.ts';

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

const span = (value: unknown) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 100) : 1;
};

function tableRows(table: Element): SourceCell[][] {
  const rows: SourceCell[][] = [];
  const collect = (el: Element) => {
    for (const c of el.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr')
        rows.push(
          c.children
            .filter((td): td is Element => td.type === 'element' && (td.tagName === 'td' || td.tagName === 'th'))
            .map((td) => ({
              text: cellText(td),
              colSpan: span(td.properties.colSpan),
              rowSpan: span(td.properties.rowSpan),
            })),
        );
      else collect(c);
    }
  };
  collect(table);
  return rows;
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
      blocks.push({ kind: 'table', table: { rows: tableRows(node), spans: true }, text: '', where: where() });
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

/** Throws when the bytes are not a Word document mammoth can read. */
export async function readDocx(bytes: Buffer): Promise<{ blocks: SourceBlock[]; notes: string[] }> {
  const result = await mammoth.convertToHtml({ buffer: bytes });
  return {
    blocks: docxBlocks(fromHtml(result.value, { fragment: true })),
    notes: result.messages.map((m) => explainNote(m.message)),
  };
}
