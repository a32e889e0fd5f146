// 绩效指标 of two versions, matched by name: added, removed, and the figures
// of each that changed (target, actual, rate, growth).
import type { Indicator, Report } from '../schema/report.ts';
import { figureChange } from './figure-changes.ts';
import { titleOf } from './data-paths.ts';
import type { FigureChange, IndicatorChange } from './diff-types.ts';

const FIELDS = ['target', 'actual', 'rate', 'growth'] as const;

function unitFor(ind: Indicator, field: (typeof FIELDS)[number]): string {
  return field === 'rate' || field === 'growth' ? '%' : ind.unit;
}

function changesOf(index: number, before: Indicator | undefined, after: Indicator | undefined): FigureChange[] {
  const out: FigureChange[] = [];
  for (const field of FIELDS) {
    const b = before?.[field];
    const a = after?.[field];
    const change = figureChange(
      `indicators[${index}].${field}`,
      titleOf(['indicators', 0, field]) ?? field,
      b === undefined || !before ? undefined : { value: b, unit: unitFor(before, field) },
      a === undefined || !after ? undefined : { value: a, unit: unitFor(after, field) },
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
