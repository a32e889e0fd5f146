// A cheap look at how deeply a body nests lists and block quotes, before the
// Markdown parser (whose work grows with the square of the depth) sees it.
import { MAX_NESTING } from './limits.ts';
import type { SourceProblem } from './problem.ts';

const MARKER = /^(?:>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))\s*/;

/** The container markers a line starts with (“> - 1. ”), and the indentation before them. */
function markers(line: string): { indent: number; quotes: number; items: number } {
  const indent = line.length - line.trimStart().length;
  let rest = line.trimStart();
  let quotes = 0;
  let items = 0;
  for (let m = MARKER.exec(rest); m; m = MARKER.exec(rest)) {
    if (m[0].startsWith('>')) quotes++;
    else items++;
    rest = rest.slice(m[0].length);
  }
  return { indent, quotes, items };
}

export function checkNesting(text: string, firstLine = 1): SourceProblem | undefined {
  const open: number[] = []; // indentation of the list items enclosing the current line
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\t/g, '    ');
    if (!line.trim()) continue;
    const { indent, quotes, items } = markers(line);
    while (open.length && (items > 0 ? (open.at(-1) ?? 0) >= indent : indent < (open.at(-1) ?? 0) + 2)) open.pop();
    if (items > 0) open.push(indent);
    const depth = open.length + Math.max(0, items - 1) + quotes;
    if (depth > MAX_NESTING) {
      return {
        rule: 'source.too-complex',
        message: `列表或引用嵌套超过 ${MAX_NESTING} 层`,
        hint: '报告正文一般不超过两三层。请检查缩进是否误加，或把内容拆成并列的段落。',
        at: { line: firstLine + i, column: 1 },
      };
    }
  }
  return undefined;
}
