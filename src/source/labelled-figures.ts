// Finds the standard figures in prose by their labels: “年终决算数825.75万元”,
// “预算总体执行率为100%”, “编制人数23人”, “自评得分 98 分”.
import { FIGURE_LABELS, OTHER_FIGURE_PREFIX, type FigureLabel } from '../figures/labels.ts';
import { normaliseNumberText } from '../lib/numbers.ts';

export interface LabelledFigure {
  figure: FigureLabel;
  label: string;
  /** The number as written, normalised to half-width digits without separators. */
  value: string;
  unit: string;
  /** Index of the label in the text, and the length of the whole match. */
  index: number;
  length: number;
}

const NUMBER = '[-－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?';
const UNITS: Record<FigureLabel['kind'], string> = {
  amount: '万元|亿元|元',
  percent: '%|％',
  count: '人|名|个|分',
};
// Words that may sit between a label and its number, and words that make a
// label refer to another year (上年决算数) or a part (其中 is fine).
const FILLER = '(?:为|是|共计|合计|总计|共|达到|达|约|：|:|\\s){0,4}';

const PATTERNS = FIGURE_LABELS.flatMap((figure) =>
  figure.labels.map((label) => ({
    figure,
    label,
    re: new RegExp(`^${label}${FILLER}(${NUMBER})\\s*(${UNITS[figure.kind]})`),
  })),
).sort((a, b) => b.label.length - a.label.length);

/** Any label, longest first, not preceded by a word that makes it another figure (上年决算数, 采购执行率). */
const ANY_LABEL = new RegExp(`${OTHER_FIGURE_PREFIX}(?:${PATTERNS.map((p) => p.label).join('|')})`, 'g');

export function findLabelledFigures(text: string): LabelledFigure[] {
  const found: LabelledFigure[] = [];
  if (!/[0-9０-９]/.test(text)) return found;
  ANY_LABEL.lastIndex = 0;
  for (let m = ANY_LABEL.exec(text); m; m = ANY_LABEL.exec(text)) {
    const rest = text.slice(m.index, m.index + 64);
    for (const { figure, label, re } of PATTERNS) {
      if (!rest.startsWith(label)) continue;
      const hit = re.exec(rest);
      if (!hit) continue;
      const value = normaliseNumberText(hit[1] ?? '');
      if (value === null) continue;
      found.push({
        figure,
        label,
        value,
        unit: (hit[2] ?? '').replace('％', '%'),
        index: m.index,
        length: hit[0].length,
      });
      ANY_LABEL.lastIndex = m.index + hit[0].length;
      break;
    }
  }
  return found;
}

/** A number as it stands in a table cell, with a unit if the cell has one. */
export function cellNumber(cell: string): { value: string; unit: string | undefined } | undefined {
  const m = new RegExp(`^\\s*(${NUMBER})\\s*(万元|亿元|元|%|％|人|名|个|分)?\\s*$`).exec(cell);
  const value = m ? normaliseNumberText(m[1] ?? '') : null;
  return value === null ? undefined : { value, unit: m?.[2]?.replace('％', '%') };
}

export interface IndicatorFigure {
  name: string;
  unit: string;
  actual: string;
  target?: string;
  rate?: string;
  index: number;
  length: number;
}

/** Units an indicator is counted in. */
const INDICATOR_UNIT = '万元|亿元|元|家|个|项|座|册|公里|千米|人次|人|名|件|户|次|台|套|场|期|篇|所|条|亩|吨|%|％';
/** Where an indicator's name starts: after a clause boundary, minus leading verbs and dates. */
const NAME = '([^，。；：、,;:\\s0-9０-９“”]{2,24}?)';
const LEAD = /^(?:全年|累计|共|已经?|实际|完成了?|实现了?)(?=.{2,})/;
const PERCENT = '([0-9０-９]+(?:[.．][0-9０-９]+)?)\\s*[%％]';

const INDICATOR_PATTERNS: { re: RegExp; fields: ('name' | 'target' | 'actual' | 'unit' | 'unit2' | 'rate')[] }[] = [
  // 科技型中小企业备案 81 家，完成任务数的 101.25%
  {
    re: new RegExp(
      `${NAME}\\s*(${NUMBER})\\s*(${INDICATOR_UNIT})[，,]\\s*(?:完成|达到)?(?:年度|全年)?(?:目标)?(?:任务数?|目标数?|计划数?)的\\s*${PERCENT}`,
      'g',
    ),
    fields: ['name', 'actual', 'unit', 'rate'],
  },
  // 科技型中小企业备案 81 家，完成率 101.25%
  {
    re: new RegExp(`${NAME}\\s*(${NUMBER})\\s*(${INDICATOR_UNIT})[，,]\\s*完成率(?:为|达到?)?\\s*${PERCENT}`, 'g'),
    fields: ['name', 'actual', 'unit', 'rate'],
  },
  // 科技型中小企业备案任务数 80 家，（实际）完成 81 家
  {
    re: new RegExp(
      `${NAME}(?:任务数?|目标(?:任务)?数?|计划数?)(?:为|是)?\\s*(${NUMBER})\\s*(${INDICATOR_UNIT})[，,]\\s*(?:实际|全年)?完成\\s*(${NUMBER})\\s*(${INDICATOR_UNIT})`,
      'g',
    ),
    fields: ['name', 'target', 'unit', 'actual', 'unit2'],
  },
];

/** Indicators stated in prose: “<name> 81 家，完成任务数的 101.25%” and its variants. */
export function findIndicatorFigures(text: string): IndicatorFigure[] {
  const found: IndicatorFigure[] = [];
  for (const { re, fields } of INDICATOR_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const got: Record<string, string> = {};
      fields.forEach((f, i) => (got[f] = m[i + 1] ?? ''));
      if (got.unit2 !== undefined && got.unit2.replace('％', '%') !== got.unit?.replace('％', '%')) continue;
      const actual = normaliseNumberText(got.actual ?? '');
      if (actual === null) continue;
      let name = got.name ?? '';
      while (LEAD.test(name)) name = name.replace(LEAD, '');
      if (found.some((f) => m.index < f.index + f.length && f.index < m.index + m[0].length)) continue;
      const target = got.target === undefined ? null : normaliseNumberText(got.target);
      const rate = got.rate === undefined ? null : normaliseNumberText(got.rate);
      found.push({
        name,
        unit: (got.unit ?? '').replace('％', '%'),
        actual,
        ...(target !== null ? { target } : {}),
        ...(rate !== null ? { rate } : {}),
        index: m.index + m[0].indexOf(got.name ?? ''),
        length: m[0].length - m[0].indexOf(got.name ?? ''),
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
