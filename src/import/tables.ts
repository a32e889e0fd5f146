// What a table of the original says, cell by cell, never by position alone:
// the table is laid out on its grid (merged cells included), its title rows
// and unit line (“单位：万元”) are found, then its header row(s) in the first
// rows, each column named by its header (a spanning header names every column
// under it and gives them its unit: “预算执行情况（万元）”). Then:
// - a 自评得分表 (分值 and 得分 columns) gives score-sheet rows, its 合计 row a
//   candidate for 自评得分, and an indicator named like a figure (预算执行率)
//   a candidate from its 实际完成值 column;
// - a table with figure columns (年初预算数 | 全年预算数 | 全年执行数 | 执行率)
//   gives those figures from its 合计 row (or its only row), and the rows
//   named 基本支出 / 项目支出 their 执行数 or 金额;
// - a form (联系人 | 张某 | 人员编制 | 128) gives each label the cell to its right.
// A table whose rows do not line up is refused: its figures are listed for
// the person, never taken.
import {
  bareLabel,
  figureByLabel,
  formFieldByLabel,
  scoreSheetColumn,
  type FigureLabel,
  type ScoreSheetColumn,
} from '../figures/labels.ts';
import { fixedUnit } from '../figures/registry.ts';
import { cellNumber } from '../source/labelled-figures.ts';
import { toGrid, type GridCell, type SourceTable } from './source-table.ts';

export interface TableEvidence {
  /** The row, or the cells, as written. */
  text: string;
  /** Where in the original. */
  where: string;
}

export interface TableCandidate {
  figure: FigureLabel;
  value: string;
  /** 万元, 元, 亿元, %, 人, 分, or '' for a count written without one. */
  unit: string;
  evidence: TableEvidence;
}

export interface DraftScoreRow {
  level1?: string;
  level2?: string;
  name: string;
  /** undefined when the cell is empty or not a number: 【待填】 in the draft. */
  weight?: string;
  score?: string;
  target?: string;
  actual?: string;
  note?: string;
  where: string;
}

export interface TableAnalysis {
  kind: 'score-sheet' | 'figures' | 'form' | 'other' | 'refused';
  candidates: TableCandidate[];
  /** A form's label–value pairs, in order (the body writes them as “标签：值” lines when every cell is paired). */
  fields: { label: string; value: string }[];
  /** Every cell of a form table is a label or its value. */
  pureForm: boolean;
  scoreSheet?: DraftScoreRow[];
  /** Why a table could not be read (refused), or what of it was left out; in Chinese, for the import report. */
  problems: string[];
  /** Figures a refused table seems to state, for the person to check: never used. */
  unused: { figure: FigureLabel; row: string }[];
}

const UNIT_IN = /[（(](?:单位[:：]?\s*)?(万元|亿元|元|%|％)[）)]|单位[:：]\s*(万元|亿元|元)/;
const unitIn = (text: string) => {
  const m = UNIT_IN.exec(text);
  return (m?.[1] ?? m?.[2])?.replace('％', '%');
};

/** Header cells that are not figures or score-sheet columns but still mark a header row. */
const HEADER_WORDS = new Set([
  '项目',
  '科目',
  '名称',
  '内容',
  '类别',
  '序号',
  '单位',
  '备注',
  '指标',
  '金额',
  '数额',
  '说明',
]);
/** Columns whose cells are amounts of the row's own item (项目 | 金额). */
const AMOUNT_COLUMN = new Set(['金额', '数额', '金额（万元）', '支出', '支出数', '执行数', '实际支出', '决算']);
/** Row labels of a total row, whose cells are the report's own figures. */
const TOTAL_ROW = /^(?:合计|总计|部门整体支出|整体支出|部门合计|本部门)$/;

const isHeaderWord = (text: string) => {
  const { label } = bareLabel(text);
  return (
    HEADER_WORDS.has(label) ||
    scoreSheetColumn(text) !== undefined ||
    figureByLabel(text) !== undefined ||
    AMOUNT_COLUMN.has(label)
  );
};

const numeric = (text: string) => text.trim() !== '' && cellNumber(text) !== undefined;

interface Column {
  parts: string[];
  unit: string | undefined;
  sheet: ScoreSheetColumn | undefined;
  figure: FigureLabel | undefined;
  amount: boolean;
}

/**
 * Each column's header texts, top to bottom. In a text table (no merge
 * information), an empty cell right of a filled one in an upper header row is
 * that header's span, as exported merged cells come out (预算执行情况（万元） | | |).
 */
function columnsOf(header: GridCell[][], width: number, spans: boolean): Column[] {
  const texts = header.map((row, r) => {
    const out = row.map((c) => c.text.trim());
    if (!spans && r < header.length - 1)
      for (let c = 1; c < out.length; c++)
        if (!out[c] && (header[r + 1]?.[c]?.text.trim() ?? '')) out[c] = out[c - 1] ?? '';
    return out;
  });
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const row of texts) {
      const t = row[c] ?? '';
      if (t && parts.at(-1) !== t) parts.push(t);
    }
    const bottomUp = [...parts].reverse();
    const sheet = bottomUp.map(scoreSheetColumn).find(Boolean);
    const figure = bottomUp.map((p) => figureByLabel(p)?.figure).find(Boolean);
    const unit = bottomUp.map((p) => bareLabel(p).unit ?? unitIn(p)).find(Boolean);
    const amount = bottomUp.some((p) => AMOUNT_COLUMN.has(bareLabel(p).label));
    return { parts, unit, sheet, figure, amount };
  });
}

const EXPENDITURE_FIGURE = 'budget.final';

function candidate(
  figure: FigureLabel,
  cell: string,
  units: (string | undefined)[],
  evidence: TableEvidence,
): TableCandidate | undefined {
  const n = cellNumber(cell);
  if (!n) return undefined;
  const unit = n.unit ?? units.find(Boolean);
  if (figure.kind === 'amount' && (!unit || !/元$/.test(unit))) return undefined;
  if (figure.kind === 'percent' && unit !== '%') return undefined;
  return { figure, value: n.value, unit: unit ?? '', evidence };
}

/** Reads one table. `unitBefore` is the unit stated just above it (“单位：万元”), if any. */
export function analyseTable(table: SourceTable, where: string, unitBefore?: string): TableAnalysis {
  const result: TableAnalysis = {
    kind: 'other',
    candidates: [],
    fields: [],
    pureForm: false,
    problems: [],
    unused: [],
  };
  const grid = toGrid(table);
  if (!grid.ok) {
    result.kind = 'refused';
    for (const row of table.rows) {
      const label = row.map((c) => figureByLabel(c.text)).find(Boolean);
      if (label && row.some((c) => numeric(c.text)))
        result.unused.push({ figure: label.figure, row: row.map((c) => c.text).join(' | ') });
    }
    result.problems.push(`原件${where}的表格各行的格数不一致（${grid.reason}），无法确定每个数属于哪一列，不从中取数`);
    return result;
  }
  const rows = grid.rows;
  const rowText = (r: GridCell[]) =>
    r
      .filter((c) => c.origin)
      .map((c) => c.text)
      .join(' | ');
  // Title rows: one merged cell across, or a single filled cell (表名, 单位：万元).
  let top = 0;
  let tableUnit = unitBefore;
  while (top < rows.length) {
    const origins = (rows[top] as GridCell[]).filter((c) => c.origin && c.text.trim());
    if (origins.length !== 1 || numeric(origins[0]?.text ?? '') || isHeaderWord(origins[0]?.text ?? '')) break;
    tableUnit = unitIn(origins[0]?.text ?? '') ?? tableUnit;
    top++;
  }
  // Header rows: no numbers, at least one cell that names a column.
  let body = top;
  while (
    body < rows.length &&
    body - top < 3 &&
    !(rows[body] as GridCell[]).some((c) => numeric(c.text)) &&
    (rows[body] as GridCell[]).some((c) => isHeaderWord(c.text))
  )
    body++;
  const header = rows.slice(top, body);
  const data = rows.slice(body);

  if (header.length === 0) return readForm(rows, where, tableUnit, result);
  const columns = columnsOf(header, grid.width, table.spans);
  const has = (role: ScoreSheetColumn) => columns.findIndex((c) => c.sheet === role);

  if (has('weight') >= 0 && has('score') >= 0) return readScoreSheet(data, columns, where, rowText, result);

  const figureColumns = columns.map((c, i) => ({ ...c, i })).filter((c) => c.figure || c.amount);
  if (!figureColumns.length) return result;
  result.kind = 'figures';
  const labelled = data.filter((r) => !numeric(r[0]?.text ?? ''));
  for (const row of data) {
    const label = row[0]?.text.trim() ?? '';
    const isTotal = TOTAL_ROW.test(label.replace(/\s+/g, '')) || (labelled.length <= 1 && data.length === 1);
    const rowFigure = figureByLabel(label)?.figure;
    const evidence = { text: rowText(row), where };
    for (const col of figureColumns) {
      const cell = row[col.i];
      if (!cell || col.i === 0) continue;
      const units = [col.unit, tableUnit];
      if (isTotal && col.figure) {
        const c = candidate(col.figure, cell.text, units, evidence);
        if (c) result.candidates.push(c);
      } else if (rowFigure && (col.amount || col.figure?.key.join('.') === EXPENDITURE_FIGURE)) {
        const c = candidate(figureByLabel(label)?.figure as FigureLabel, cell.text, units, evidence);
        if (c) result.candidates.push(c);
      }
    }
  }
  return result;
}

function readForm(rows: GridCell[][], where: string, unit: string | undefined, result: TableAnalysis): TableAnalysis {
  let cells = 0;
  let paired = 0;
  for (const row of rows) {
    const origins = row.filter((c) => c.origin);
    cells += origins.filter((c) => c.text.trim()).length;
    for (let i = 0; i < origins.length - 1; i++) {
      const labelCell = origins[i] as GridCell;
      const valueCell = origins[i + 1] as GridCell;
      const label = labelCell.text.trim();
      const isLabel = figureByLabel(label) || formFieldByLabel(label);
      if (!isLabel || !valueCell.text.trim() || figureByLabel(valueCell.text) || formFieldByLabel(valueCell.text))
        continue;
      const figure = figureByLabel(label);
      if (figure) {
        const c = candidate(figure.figure, valueCell.text, [figure.unit, unit], {
          text: `${label} | ${valueCell.text}`,
          where,
        });
        if (!c && !numeric(valueCell.text)) continue;
        if (c) result.candidates.push(c);
        else
          result.problems.push(
            `原件${where}的表格中“${label} ${valueCell.text}”没有金额单位，未取（请在草稿中核对填写）`,
          );
      }
      result.fields.push({ label, value: valueCell.text.trim() });
      paired += 2;
      i++;
    }
  }
  if (result.fields.length) {
    result.kind = 'form';
    result.pureForm = paired === cells;
  }
  return result;
}

function readScoreSheet(
  data: GridCell[][],
  columns: Column[],
  where: string,
  rowText: (r: GridCell[]) => string,
  result: TableAnalysis,
): TableAnalysis {
  result.kind = 'score-sheet';
  const at = (role: ScoreSheetColumn) => columns.findIndex((c) => c.sheet === role);
  const [l1, l2, nameCol, w, s, t, a, n] = (
    ['level1', 'level2', 'name', 'weight', 'score', 'target', 'actual', 'note'] as const
  ).map(at);
  const nameAt = (nameCol ?? -1) >= 0 ? (nameCol as number) : (l2 ?? -1) >= 0 ? (l2 as number) : 0;
  const rows: DraftScoreRow[] = [];
  let last: { level1?: string; level2?: string } = {};
  const text = (row: GridCell[], i: number | undefined) =>
    i === undefined || i < 0 ? undefined : row[i]?.text.trim() || undefined;
  for (const row of data) {
    const name = text(row, nameAt);
    const weightCell = text(row, w);
    const scoreCell = text(row, s);
    const first = row.map((c) => c.text.trim()).find(Boolean) ?? '';
    if (/^(?:合计|总分|总计|得分合计|综合得分)/.test(first.replace(/\s+/g, ''))) {
      const total = scoreCell && cellNumber(scoreCell);
      const scoreFigure = figureByLabel('自评得分')?.figure;
      if (total && scoreFigure)
        result.candidates.push({
          figure: scoreFigure,
          value: total.value,
          unit: fixedUnit('score'),
          evidence: { text: rowText(row), where },
        });
      continue;
    }
    if (!name && !weightCell && !scoreCell) continue;
    // An empty 一级/二级指标 cell under a filled one is a merged cell copied as text.
    const level1 = text(row, l1) ?? last.level1;
    const level2 = text(row, l2) ?? (text(row, l1) ? undefined : last.level2);
    last = { ...(level1 ? { level1 } : {}), ...(level2 ? { level2 } : {}) };
    const weight = weightCell ? cellNumber(weightCell)?.value : undefined;
    const score = scoreCell ? cellNumber(scoreCell)?.value : undefined;
    const target = text(row, t);
    const actual = text(row, a);
    const note = text(row, n);
    const r: DraftScoreRow = {
      ...(level1 && nameAt !== l1 ? { level1 } : {}),
      ...(level2 && nameAt !== l2 ? { level2 } : {}),
      name: name ?? '',
      ...(weight !== undefined ? { weight } : {}),
      ...(score !== undefined ? { score } : {}),
      ...(target ? { target } : {}),
      ...(actual ? { actual } : {}),
      ...(note ? { note } : {}),
      where,
    };
    rows.push(r);
    // An indicator that is a figure of the report (预算执行率 100%) states that figure.
    const figure = name ? figureByLabel(name)?.figure : undefined;
    if (figure && r.actual) {
      const c = candidate(figure, r.actual, [], { text: `${name}：实际完成值 ${r.actual}`, where });
      if (c) result.candidates.push(c);
    }
  }
  result.scoreSheet = rows;
  return result;
}
