// Finds the standard figures in prose by their labels: “年终决算数825.75万元”,
// “预算总体执行率为100%”, “编制人数23人”, “自评得分 98 分”.
import { FIGURE_LABELS, type FigureLabel } from '../schema/figure-labels.ts';
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
const OTHER_YEAR = '(?<!上年|去年|上一年|同期|以前年度)';

const PATTERNS = FIGURE_LABELS.flatMap((figure) =>
  figure.labels.map((label) => ({
    figure,
    label,
    re: new RegExp(`${OTHER_YEAR}${label}${FILLER}(${NUMBER})\\s*(${UNITS[figure.kind]})`, 'g'),
  })),
).sort((a, b) => b.label.length - a.label.length);

export function findLabelledFigures(text: string): LabelledFigure[] {
  const found: LabelledFigure[] = [];
  const taken: [number, number][] = [];
  for (const { figure, label, re } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      const value = normaliseNumberText(m[1] ?? '');
      if (value === null) continue;
      taken.push([start, end]);
      found.push({ figure, label, value, unit: (m[2] ?? '').replace('％', '%'), index: start, length: end - start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
