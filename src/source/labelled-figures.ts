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
    re: new RegExp(`^${label}${FILLER}(${NUMBER})\\s*(${UNITS[figure.kind]})`),
  })),
).sort((a, b) => b.label.length - a.label.length);

/** Any label, longest first, not preceded by a word that makes it another year's figure. */
const ANY_LABEL = new RegExp(`${OTHER_YEAR}(?:${PATTERNS.map((p) => p.label).join('|')})`, 'g');

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
