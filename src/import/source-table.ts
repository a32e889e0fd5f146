// A table of the original as the importer reads it: cells with their merged
// spans (Word gridSpan/vMerge, Excel merged ranges) or, for text, plain rows.
// Laid out on a grid, every cell knows the column it stands in; rows that do
// not fill the same columns cannot be aligned, and such a table is refused for
// figures rather than read by position.

export interface SourceCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface SourceTable {
  rows: SourceCell[][];
  /** The format records merged cells (docx, xlsx); text tables have none. */
  spans: boolean;
}

export interface GridCell {
  text: string;
  /** Row and column of the merged cell's first position. */
  row: number;
  col: number;
  /** This position is that first position (not one the merge covers). */
  origin: boolean;
}

export type Grid = { ok: true; width: number; rows: GridCell[][] } | { ok: false; reason: string };

export const plainTable = (rows: readonly string[][]): SourceTable => ({
  rows: rows.map((r) => r.map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
  spans: false,
});

/** Each row's text, a merged cell's text at its first position only (for the body and the review table). */
export const rowTexts = (table: SourceTable): string[][] => table.rows.map((r) => r.map((c) => c.text));

/** Lays the cells out as HTML does (row spans reserve the positions below); refuses ragged rows. */
export function toGrid(table: SourceTable): Grid {
  const rows: (GridCell | undefined)[][] = [];
  table.rows.forEach((cells, r) => {
    rows[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (rows[r]?.[c]) c++;
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++)
        for (let dc = 0; dc < Math.max(1, cell.colSpan); dc++) {
          const row = (rows[r + dr] ??= []);
          row[c + dc] = { text: cell.text, row: r, col: c, origin: dr === 0 && dc === 0 };
        }
      c += Math.max(1, cell.colSpan);
    }
  });
  const filled = rows.slice(0, table.rows.length).map((row) => row.filter(Boolean).length);
  const lengths = rows.slice(0, table.rows.length).map((row) => row.length);
  const width = Math.max(0, ...lengths);
  const short = lengths.findIndex((n, i) => n !== width || filled[i] !== width);
  if (short >= 0) {
    const first = lengths.findIndex((n) => n === width);
    return {
      ok: false,
      reason: `第 ${first + 1} 行有 ${width} 格，第 ${short + 1} 行只有 ${filled[short]} 格${table.spans ? '' : '（纯文本表格没有合并单元格的信息）'}`,
    };
  }
  return { ok: true, width, rows: rows.slice(0, table.rows.length) as GridCell[][] };
}
