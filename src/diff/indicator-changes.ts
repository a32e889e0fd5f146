// 绩效指标 of two versions, matched by name: added, removed, and the figures
// of each that changed (target, actual, rate, growth).
import type { Indicator, Report } from '../schema/report.ts';
import { figureAt } from '../figures/figure.ts';
import { figureDef } from '../figures/registry.ts';
import { figureChange } from './figure-changes.ts';
import type { FigureChange, IndicatorChange } from './diff-types.ts';

const FIELDS = ['target', 'actual', 'rate', 'growth'] as const;

/** The indicator's figure as the registry writes it (its unit, or % for rates). */
function figureOf(ind: Indicator | undefined, field: (typeof FIELDS)[number]) {
  return ind && figureAt({ indicators: [ind] } as unknown as Report, ['indicators', 0, field]);
}

function changesOf(index: number, before: Indicator | undefined, after: Indicator | undefined): FigureChange[] {
  const out: FigureChange[] = [];
  for (const field of FIELDS) {
    const change = figureChange(
      `indicators.${index}.${field}`,
      figureDef(`indicators.*.${field}`).title,
      figureOf(before, field),
      figureOf(after, field),
    );
    if (change) out.push(change);
  }
  return out;
}

export function compareIndicators(base: Report | undefined, head: Report | undefined): IndicatorChange[] {
  const before = [...(base?.indicators ?? [])];
  const out: IndicatorChange[] = [];
  (head?.indicators ?? []).forEach((ind, index) => {
    const i = before.findIndex((b) => b.name === ind.name);
    const match = i >= 0 ? before.splice(i, 1)[0] : undefined;
    const changes = changesOf(index, match, ind);
    const unitChanged = match !== undefined && match.unit !== ind.unit;
    if (match && changes.length === 0 && !unitChanged) return;
    out.push({ name: ind.name, status: match ? 'changed' : 'added', unit: ind.unit, changes });
  });
  for (const ind of before) {
    out.push({ name: ind.name, status: 'removed', unit: ind.unit, changes: changesOf(0, ind, undefined) });
  }
  return out;
}
