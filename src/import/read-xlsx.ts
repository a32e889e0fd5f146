// Excel (.xlsx) through exceljs: each worksheet's cells with their merged
// ranges, numbers written as the sheet displays them (decimal places and per
// cent from the cell's number format, exactly, never a float's noise). A title
// or a 单位：万元 line above a table, or a note below it, becomes text; a row
// left empty separates tables.
import Big from 'big.js';
import ExcelJS from 'exceljs';
import type { SourceBlock } from './source-block.ts';
import type { SourceCell } from './source-table.ts';

type CellValue = ExcelJS.CellValue;

const pad = (n: number) => String(n).padStart(2, '0');

/** Digits after the point of a number format ("0.00" → 2, "0%" → 0); undefined for General. */
function formatScale(numFmt: string | undefined): number | undefined {
  if (!numFmt || /^general$/i.test(numFmt)) return undefined;
  const m = /0\.(0+)/.exec(numFmt);
  return m ? (m[1]?.length ?? 0) : /[0#]/.test(numFmt) ? 0 : undefined;
}

function numberText(n: number, numFmt: string | undefined): string {
  // What Excel shows for General: 15 significant digits, so a formula's 0.30000000000000004 reads 0.3.
  const shown = new Big(String(Number(n.toPrecision(15))));
  const scale = formatScale(numFmt);
  if (numFmt?.includes('%')) {
    const pct = shown.times(100);
    return `${scale === undefined ? pct.toString() : pct.toFixed(scale)}%`;
  }
  return scale === undefined ? shown.toString() : shown.toFixed(scale);
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date)
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if ('richText' in value)
    return value.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('formula' in value || 'sharedFormula' in value)
    return valueText((value as { result?: CellValue }).result ?? null, numFmt);
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('error' in value) return String(value.error);
  return '';
}

/** "B2:D3" → rows 2–3, columns 2–4. */
function parseRange(range: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
  if (!m) return undefined;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1] ?? ''), bottom: Number(m[4]), right: col(m[3] ?? '') };
}

function sheetBlocks(ws: ExcelJS.Worksheet): SourceBlock[] {
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).flatMap((r) => parseRange(r) ?? []);
  const masterAt = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  /** Rows below a merge's first row: they still belong to its table. */
  const coveredRows = new Set<number>();
  for (const m of merges) {
    masterAt.set(`${m.top}:${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top + 1; r <= m.bottom; r++) coveredRows.add(r);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const width = Math.max(0, ...merges.map((m) => m.right), ws.actualColumnCount);
  const rows: { n: number; cells: SourceCell[]; filled: number }[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: SourceCell[] = [];
    let filled = 0;
    for (let c = 1; c <= width; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = row.getCell(c);
      const text = valueText(cell.value, cell.numFmt);
      if (text) filled++;
      cells.push({ text, ...(masterAt.get(`${r}:${c}`) ?? { rowSpan: 1, colSpan: 1 }) });
    }
    rows.push({ n: r, cells, filled });
  }
  const blocks: SourceBlock[] = [];
  const where = (n: number) => `工作表“${ws.name}”第 ${n} 行`;
  let segment: typeof rows = [];
  const flush = () => {
    // Single-cell rows above and below the table are its title, unit line and notes.
    const single = (r: (typeof rows)[number]) => r.filled === 1;
    let start = 0;
    let end = segment.length;
    while (start < end && single(segment[start] as (typeof rows)[number])) start++;
    while (end > start && single(segment[end - 1] as (typeof rows)[number])) end--;
    const textRow = (r: (typeof rows)[number]): SourceBlock => ({
      kind: 'text',
      text: r.cells.map((c) => c.text).find(Boolean) ?? '',
      where: where(r.n),
    });
    blocks.push(...segment.slice(0, start).map(textRow));
    const body = segment.slice(start, end);
    if (body.length)
      blocks.push({
        kind: 'table',
        text: '',
        table: { rows: body.map((r) => r.cells), spans: true },
        where: where(body[0]?.n ?? 0),
      });
    blocks.push(...segment.slice(end).map(textRow));
    segment = [];
  };
  for (const row of rows) {
    if (row.filled === 0 && !coveredRows.has(row.n)) flush();
    else segment.push(row);
  }
  flush();
  return blocks;
}

/** Throws when the bytes are not a workbook exceljs can read. */
export async function readXlsx(bytes: Buffer): Promise<{ blocks: SourceBlock[]; notes: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const blocks: SourceBlock[] = [];
  const notes: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') {
      notes.push(`工作表“${ws.name}”是隐藏的，未导入。`);
      continue;
    }
    blocks.push(...sheetBlocks(ws));
  }
  return { blocks, notes };
}
