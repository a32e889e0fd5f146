// Values the original does not state but the site can compute from what it
// does state: 基本支出 = 人员经费 + 公用经费, 预算执行率 = 年终决算数 ÷ 全年预算数,
// an indicator's 完成率 = 完成值 ÷ 目标值, the grade from the score. Each is
// marked wherever it is shown (“520.97万元（计算）”, “优（按得分推算）”) and
// carries its source in open data, so a computed value is never taken for a
// published one. A stated value always wins; nothing is computed from a
// figure that is itself 原文未载.
import { percent, sum, trimZeros } from '../lib/decimal.ts';
import { gradeFor, type Grade } from '../lib/grade.ts';
import { formatKeyPath, parseKeyPath, valueAt, type KeyPath } from '../lib/key-path.ts';
import type { Report } from '../schema/report.ts';
import { figureAt, figureLabel, figureText, figureUnit, type Figure } from './figure.ts';
import { NOT_STATED_TEXT } from './not-stated.ts';
import { figureDefAt } from './registry.ts';

/** Where a shown value comes from: the original, the site's computation, or nowhere. */
export type FigureSource = 'stated' | 'derived' | 'not_stated';

/** The mark after a computed figure. */
export const DERIVED_MARK = '（计算）';
/** The mark after a grade the original does not state. */
export const GRADE_DERIVED_MARK = '（按得分推算）';

export interface ShownFigure extends Figure {
  source: FigureSource;
  /** How a derived value was computed: “人员经费 + 公用经费”. */
  how?: string;
  /** The text with its mark: “520.97万元（计算）”, “原文未写”. */
  shown: string;
}

interface Derivation {
  how: string;
  compute(data: Report, path: KeyPath): string | undefined;
}

const str = (data: Report, path: KeyPath): string | undefined => {
  const v = valueAt(data, path);
  return typeof v === 'string' ? v : undefined;
};

/** A rate computed at two places, trailing zeros dropped (100, 101.25). */
const rate = (numerator: string | undefined, denominator: string | undefined) => {
  if (numerator === undefined || denominator === undefined) return undefined;
  const r = percent(numerator, denominator, 2);
  return r === null ? undefined : trimZeros(r);
};

const DERIVATIONS: Readonly<Record<string, Derivation>> = {
  'budget.basic': {
    how: '人员经费 + 公用经费',
    compute(data) {
      const { personnel, public: pub } = data.budget;
      return typeof personnel === 'string' && typeof pub === 'string' ? sum([personnel, pub]) : undefined;
    },
  },
  'budget.execution_rate': {
    how: '年终决算数 ÷ 全年预算数',
    compute: (data) => rate(str(data, ['budget', 'final']), str(data, ['budget', 'total'])),
  },
  'indicators.*.rate': {
    how: '完成值 ÷ 目标值',
    compute(data, path) {
      const item = path.slice(0, -1);
      return rate(str(data, [...item, 'actual']), str(data, [...item, 'target']));
    },
  },
};

/** How the site computes a derivable figure the original does not state (“完成值 ÷ 目标值”). */
export function derivation(pattern: string): string {
  const d = DERIVATIONS[pattern];
  if (!d) throw new Error(`no derivation for ${pattern} in src/figures/derived.ts`);
  return d.how;
}

/** How the grade is found when the original states only the score. */
export const GRADE_DERIVATION = '按自评得分推算（财预〔2020〕10号）';

const patternOf = (path: KeyPath) => path.map((k) => (typeof k === 'number' ? '*' : k)).join('.');

/**
 * A figure as pages, tables, charts and open data show it: stated, computed
 * (when the registry marks it derivable and its inputs are stated) or 原文未写.
 * undefined when the report has no such figure at all (an optional one left out).
 */
export function shownFigure(data: Report, key: string | KeyPath): ShownFigure | undefined {
  const path = typeof key === 'string' ? parseKeyPath(key) : key;
  const def = figureDefAt(path);
  if (!def) return undefined;
  const figure = figureAt(data, path);
  if (figure?.value) return { ...figure, source: 'stated', shown: figure.text };
  const derivation = def.derivable ? DERIVATIONS[patternOf(path)] : undefined;
  const value = derivation?.compute(data, path);
  if (derivation && value !== undefined) {
    const unit = figure?.unit ?? figureUnit(def, data, path);
    const text = figureText(value, unit);
    const derived: Figure = {
      key: formatKeyPath(path),
      path,
      def,
      label: figure?.label ?? figureLabel(def, data, path),
      value,
      unit,
      text,
    };
    return { ...derived, source: 'derived', how: derivation.how, shown: `${text}${DERIVED_MARK}` };
  }
  if (!figure) return undefined;
  return { ...figure, source: 'not_stated', shown: NOT_STATED_TEXT };
}

export interface ShownGrade {
  grade: Grade;
  source: 'stated' | 'derived';
  /** “优”, or “优（按得分推算）”. */
  shown: string;
}

/** The grade as stated, or computed from the score (财预〔2020〕10号 bands); undefined without either. */
export function shownGrade(data: Report): ShownGrade | undefined {
  if (data.grade) return { grade: data.grade, source: 'stated', shown: data.grade };
  if (data.score === null) return undefined;
  const grade = gradeFor(data.score);
  return { grade, source: 'derived', shown: `${grade}${GRADE_DERIVED_MARK}` };
}

/** The grade's text wherever a table or panel shows it: “优”, “优（按得分推算）”, “原文未写”. */
export const gradeText = (data: Report): string => shownGrade(data)?.shown ?? NOT_STATED_TEXT;
