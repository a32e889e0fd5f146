// The frontmatter of the draft, taken from the text: standard figures by
// their labels (one registry: src/figures/labels.ts) in sentences, in form
// fields (“人员编制：128”) and in tables read by their headers (tables.ts);
// indicators of the form “<name> 81 家，完成任务数的 101.25%”; duties,
// internal units, the evaluation basis. Each value keeps where it came from;
// a figure stated twice with different values is not chosen between, and one
// that only a table that could not be aligned states is not taken at all.
import { equals } from '../lib/decimal.ts';
import { toHalfWidthDigits } from '../lib/numbers.ts';
import type { KeyPath } from '../lib/key-path.ts';
import { FIGURE_LABELS, figureByLabel, type FigureLabel } from '../figures/labels.ts';
import { convertMoney } from '../figures/money.ts';
import { cellNumber, findIndicatorFigures, findLabelledFigures } from '../source/labelled-figures.ts';
import { sentences, type ProseBlock } from '../source/prose.ts';
import { NUMBERED, type DraftBlock } from './structure.ts';
import type { DraftScoreRow, TableAnalysis } from './tables.ts';

export interface Evidence {
  /** The sentence, form line or table row, as written. */
  text: string;
  /** 0-based offset in the draft body, for a line number; undefined for tables and fields. */
  offset?: number;
  /** Where in the original, for tables and form fields. */
  where?: string;
}

export interface Candidate {
  value: string;
  unit: string;
  evidence: Evidence;
}

export interface FigureResult {
  figure: FigureLabel;
  /** Chosen value, in the budget unit for amounts; undefined when not found or conflicting. */
  value?: string;
  candidates: Candidate[];
  /** The value was converted from another unit (元 → 万元). */
  convertedFrom?: string;
  conflict: boolean;
  /** Rows of tables that could not be aligned which seem to state it: listed for the person, never used. */
  unused: { row: string; where: string }[];
}

export interface IndicatorResult {
  name: string;
  unit: string;
  actual: string;
  target?: string;
  rate?: string;
  evidence: Evidence;
}

export interface AnalysedTable {
  where: string;
  analysis: TableAnalysis;
}

export interface Extraction {
  budgetUnit: string;
  figures: FigureResult[];
  indicators: IndicatorResult[];
  fullCoverage?: Evidence;
  tables: AnalysedTable[];
  scoreSheet?: { rows: DraftScoreRow[]; where: string };
}

function sentenceAt(block: ProseBlock, index: number): Evidence {
  const s = sentences(block).findLast((x) => x.start <= index) ?? { start: 0, text: block.text };
  return { text: s.text, offset: block.offsetOf(s.start) };
}

/** A line that states the unit of what follows: “单位：万元”, “（单位：元）”. */
export const UNIT_LINE = /^[（(]?\s*(?:金额)?单位[:：]\s*(万元|亿元|元)\s*[）)]?$/;

/** Form fields that name a figure (“人员编制：128”, “年初预算数（万元）：366.95”), with the unit in force. */
function fieldCandidates(blocks: readonly DraftBlock[]): { figure: FigureLabel; candidate: Candidate }[] {
  const out: { figure: FigureLabel; candidate: Candidate }[] = [];
  let unit: string | undefined;
  for (const b of blocks) {
    if (b.kind === 'paragraph') unit = UNIT_LINE.exec(b.text.trim())?.[1] ?? unit;
    if (b.kind !== 'field') continue;
    const label = figureByLabel(b.label);
    const n = label && cellNumber(b.value);
    if (!label || !n) continue;
    const u = n.unit ?? label.unit ?? (label.figure.kind === 'amount' ? unit : undefined);
    if (label.figure.kind === 'amount' && !u) continue;
    if (label.figure.kind === 'percent' && u !== '%') continue;
    out.push({
      figure: label.figure,
      candidate: { value: n.value, unit: u ?? '', evidence: { text: `${b.label}：${b.value}`, where: b.where } },
    });
  }
  return out;
}

const keyOf = (key: KeyPath) => key.join('.');

export function extract(
  prose: readonly ProseBlock[],
  blocks: readonly DraftBlock[],
  tables: readonly AnalysedTable[] = [],
): Extraction {
  const found = new Map<string, Candidate[]>();
  const add = (figure: FigureLabel, c: Candidate) => {
    const list = found.get(keyOf(figure.key)) ?? [];
    list.push(c);
    found.set(keyOf(figure.key), list);
  };
  const indicators: IndicatorResult[] = [];
  let fullCoverage: Evidence | undefined;
  for (const block of prose) {
    if (block.kind !== 'paragraph' && block.kind !== 'cell') continue;
    for (const f of findLabelledFigures(block.text))
      add(f.figure, { value: f.value, unit: f.unit, evidence: sentenceAt(block, f.index) });
    for (const ind of findIndicatorFigures(block.text)) {
      if (indicators.some((i) => i.name === ind.name)) continue;
      indicators.push({
        name: ind.name,
        unit: ind.unit,
        actual: ind.actual,
        ...(ind.target ? { target: ind.target } : {}),
        ...(ind.rate ? { rate: ind.rate } : {}),
        evidence: sentenceAt(block, ind.index),
      });
    }
    if (!fullCoverage && /全覆盖/.test(block.text) && /自评/.test(block.text))
      fullCoverage = sentenceAt(block, block.text.indexOf('全覆盖'));
  }
  for (const { figure, candidate } of fieldCandidates(blocks)) add(figure, candidate);
  for (const { analysis } of tables)
    for (const c of analysis.candidates) add(c.figure, { value: c.value, unit: c.unit, evidence: c.evidence });

  // Amounts keep one unit in the frontmatter: the one 决算数 is written in.
  const amounts = FIGURE_LABELS.filter((f) => f.kind === 'amount').flatMap((f) => found.get(keyOf(f.key)) ?? []);
  const finalUnit = found.get('budget.final')?.[0]?.unit;
  const budgetUnit = finalUnit ?? amounts[0]?.unit ?? '万元';

  const figures = FIGURE_LABELS.map((figure): FigureResult => {
    const candidates = found.get(keyOf(figure.key)) ?? [];
    const unused = tables.flatMap(({ where, analysis }) =>
      analysis.unused.filter((u) => keyOf(u.figure.key) === keyOf(figure.key)).map((u) => ({ row: u.row, where })),
    );
    if (candidates.length === 0) return { figure, candidates, conflict: false, unused };
    const inUnit = candidates.map((c) => {
      if (figure.kind !== 'amount') return c.value;
      return convertMoney(c.value, c.unit, budgetUnit) ?? c.value;
    });
    const first = inUnit[0] as string;
    const conflict = inUnit.some((v) => !equals(v, first));
    const converted = figure.kind === 'amount' && candidates[0]?.unit !== budgetUnit;
    return {
      figure,
      candidates,
      conflict,
      unused,
      ...(conflict ? {} : { value: first }),
      ...(converted && !conflict ? { convertedFrom: `${candidates[0]?.value}${candidates[0]?.unit}` } : {}),
    };
  });
  const sheet = tables.find((t) => t.analysis.kind === 'score-sheet' && t.analysis.scoreSheet?.length);
  return {
    budgetUnit,
    figures,
    indicators,
    tables: [...tables],
    ...(fullCoverage ? { fullCoverage } : {}),
    ...(sheet?.analysis.scoreSheet ? { scoreSheet: { rows: sheet.analysis.scoreSheet, where: sheet.where } } : {}),
  };
}

/** Numbered paragraphs right under a heading about duties (职责) become the duties list. */
export function extractDuties(blocks: DraftBlock[]): { duties: string[]; blocks: DraftBlock[] } {
  const at = blocks.findIndex((b) => b.kind === 'heading' && /职责/.test(b.text));
  if (at < 0) return { duties: [], blocks };
  const duties: string[] = [];
  let end = at + 1;
  for (; end < blocks.length; end++) {
    const b = blocks[end] as DraftBlock;
    if (b.kind === 'list' && duties.length === 0) {
      duties.push(...b.items);
      end++;
      break;
    }
    if (b.kind !== 'paragraph') break;
    const m = NUMBERED.exec(toHalfWidthDigits(b.text));
    if (!m || Number(m[1]) !== duties.length + 1) break;
    duties.push(b.text.slice(m[0].length).trim());
  }
  if (duties.length === 0) return { duties, blocks };
  const where = blocks[at + 1]?.where ?? '';
  const rest = [
    ...blocks.slice(0, at + 1),
    { kind: 'component', name: 'Duties', where } as DraftBlock,
    ...blocks.slice(end),
  ];
  return { duties, blocks: rest };
}

/** “内设股室10个，分别为：办公室、政策法规股、……。” → the list of internal units. */
export function extractUnits(blocks: readonly DraftBlock[]): { units: string[]; evidence?: string } {
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const m = /(?:内设|下设)(?:股室|科室|机构|部门|处室)[^。]*?(?:分别)?(?:为|是|有)[:：]([^。]+)/.exec(b.text);
    if (!m) continue;
    const units = (m[1] ?? '')
      .split(/[、，,；;]/)
      .map((u) => u.replace(/等$/, '').trim())
      .filter(Boolean);
    if (units.length) return { units, evidence: m[0] };
  }
  return { units: [] };
}

/** “按照《……通知》（保财绩[2024]3 号）文件要求”: the notice the evaluation follows. */
export function extractBasis(blocks: readonly DraftBlock[]): string | undefined {
  for (const b of blocks.slice(0, 3)) {
    if (b.kind !== 'paragraph') continue;
    const m = /(?:按照|根据|依据)(《[^》]+》(?:\s*[（(][^）)]*[）)])?)/.exec(b.text);
    if (m) return m[1];
  }
  return undefined;
}
