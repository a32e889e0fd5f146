// Plain text, as copied from a web page or a PDF: a line is a block; runs of
// tab-separated or |-separated lines are tables (cells kept as written, empty
// ones too, so columns stay where they are); form feeds and page-number lines
// ("— 3 —", "第 3 页") are page breaks, the only evidence the importer accepts
// for joining a paragraph across lines it did not see wrapped.
import { plainTable } from './source-table.ts';
import type { SourceBlock } from './source-block.ts';

const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const PAGE_NUMBER =
  /^\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;

function pipeCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** A line that can be a row of a pipe table: "| a | b |", or "a | b" inside a run of such lines. */
const pipeLike = (line: string) => line.includes('|') && pipeCells(line).length >= 2;

export function textBlocks(text: string): SourceBlock[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .flatMap((line, i) => line.split('\f').map((part, k) => ({ line: part, n: i + 1, pageBreak: k > 0 })));
  const blocks: SourceBlock[] = [];
  let rows: { cells: string[]; n: number }[] = [];
  let kind: 'tab' | 'pipe' | undefined;
  const flush = () => {
    if (rows.length === 1 && kind === 'pipe') {
      // One |-line on its own is text that happens to contain a bar.
      const only = rows[0];
      if (only) blocks.push({ kind: 'text', text: only.cells.join(' | '), where: `第 ${only.n} 行` });
    } else if (rows.length) {
      blocks.push({
        kind: 'table',
        text: '',
        table: plainTable(rows.map((r) => r.cells)),
        where: `第 ${rows[0]?.n} 行`,
      });
    }
    rows = [];
    kind = undefined;
  };
  for (const { line: raw, n, pageBreak } of lines) {
    if (pageBreak) {
      flush();
      blocks.push({ kind: 'page-break', text: '', where: `第 ${n} 行（换页符）` });
    }
    // Trailing spaces go; trailing tabs stay (an empty last cell is still a cell).
    const line = raw.replace(/[ \u3000\r]+$/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    if (line.includes('\t')) {
      if (kind !== 'tab') flush();
      kind = 'tab';
      rows.push({ cells: line.split('\t').map((c) => c.trim()), n });
      continue;
    }
    if (pipeLike(line) || (kind === 'pipe' && PIPE_RULE.test(line))) {
      if (kind !== 'pipe') flush();
      kind = 'pipe';
      if (!PIPE_RULE.test(line)) rows.push({ cells: pipeCells(line), n });
      continue;
    }
    flush();
    if (PAGE_NUMBER.test(line)) {
      blocks.push({ kind: 'page-break', text: line.trim(), where: `第 ${n} 行（页码）` });
      continue;
    }
    blocks.push({ kind: 'text', text: line.trim(), where: `第 ${n} 行` });
  }
  flush();
  return blocks;
}
