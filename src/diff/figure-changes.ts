// The figures of two versions of a report, side by side: every figure of the
// registry (budget, staffing, projects), matched by key (list items by name),
// with exact decimal differences, money converted when the unit changed.
import { figuresIn, type Figure } from '../figures/figure.ts';
import { convertMoney } from '../figures/money.ts';
import { NOT_STATED } from '../figures/not-stated.ts';
import { signed, subtract } from '../lib/decimal.ts';
import { valueAt, type KeyPath } from '../lib/key-path.ts';
import type { Report } from '../schema/report.ts';
import type { FigureChange } from './diff-types.ts';

/** Indicators and the score have their own sections (score-sheet rows are figures here, matched by name). */
const OWN_SECTIONS = new Set(['indicators', 'score']);

/** A key that survives reordering: list items are named by their `name`. */
function matchKey(data: Report, path: KeyPath): string {
  return path
    .map((k, i) => {
      if (typeof k !== 'number') return `.${k}`;
      const name = valueAt(data, [...path.slice(0, i + 1), 'name']);
      return `[${typeof name === 'string' ? name : k}]`;
    })
    .join('');
}

function figuresOf(data: Report): Map<string, Figure> {
  return new Map(
    figuresIn(data)
      .filter((f) => !OWN_SECTIONS.has(String(f.path[0])))
      .map((f) => [matchKey(data, f.path), f]),
  );
}

/** before → after in `unit`, converting a 万元/元/亿元 amount when the unit changed. */
export function difference(before: string, after: string, unitBefore: string, unit: string): string {
  const comparable = unitBefore === unit ? before : convertMoney(before, unitBefore, unit);
  return comparable === undefined ? '' : signed(subtract(after, comparable));
}

export function figureChange(
  key: string,
  label: string,
  before: { value: string | null; unit: string } | undefined,
  after: { value: string | null; unit: string } | undefined,
): FigureChange | undefined {
  if (before && after && before.value === after.value && before.unit === after.unit) return undefined;
  if (!before && !after) return undefined;
  const unit = after?.unit ?? before?.unit ?? '';
  const diff = before?.value && after?.value ? difference(before.value, after.value, before.unit, after.unit) : '';
  // 原文未载 is kept as written: the comment shows “原文未写 → 825.75万元”.
  const written = (f: { value: string | null } | undefined) => (f ? (f.value ?? NOT_STATED) : null);
  return {
    key,
    label,
    unit,
    unitBefore: before && after && before.unit !== after.unit ? before.unit : null,
    before: written(before),
    after: written(after),
    difference: diff || null,
  };
}

/** Figures that differ; for a new report (base undefined) every figure it has. */
export function compareFigures(base: Report | undefined, head: Report | undefined): FigureChange[] {
  const b = base ? figuresOf(base) : new Map<string, Figure>();
  const h = head ? figuresOf(head) : new Map<string, Figure>();
  const keys = [...new Set([...h.keys(), ...b.keys()])];
  const changes: FigureChange[] = [];
  for (const key of keys) {
    const before = b.get(key);
    const after = h.get(key);
    const shown = (after ?? before) as Figure;
    const change = figureChange(shown.key, shown.label, before, after);
    if (change) changes.push(change);
  }
  return changes;
}
