// The figures of two versions of a report, side by side: every frontmatter
// value the schema marks as a figure (budget, staffing, projects), matched by
// key (list items by name), with exact decimal differences.
import { shift, signed, subtract } from '../lib/decimal.ts';
import { formatKeyPath, type KeyPath } from '../schema/errors.ts';
import { AMOUNT_UNITS } from '../schema/figure-labels.ts';
import type { Report } from '../schema/report.ts';
import { isFigure, itemName, labelOf, leaves, unitOf } from './data-paths.ts';
import type { FigureChange } from './diff-types.ts';

/** Indicators and the score have their own sections. */
const OWN_SECTIONS = new Set(['indicators', 'score']);

interface Figure {
  path: KeyPath;
  value: string;
}

/** A key that survives reordering: list items are named by their `name`. */
function matchKey(data: Report, path: KeyPath): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${itemName(data, path.slice(0, i + 1)) ?? k}]` : `.${k}`))
    .join('');
}

function figuresOf(data: Report): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const { path, value } of leaves(data)) {
    if (OWN_SECTIONS.has(String(path[0])) || !isFigure(path)) continue;
    out.set(matchKey(data, path), { path, value: String(value) });
  }
  return out;
}

/** before → after in `unit`, converting a 万元/元/亿元 amount when the unit changed. */
export function difference(before: string, after: string, unitBefore: string, unit: string): string {
  const from = AMOUNT_UNITS[unitBefore];
  const to = AMOUNT_UNITS[unit];
  const comparable =
    unitBefore === unit ? before : from !== undefined && to !== undefined ? shift(before, from - to) : null;
  return comparable === null ? '' : signed(subtract(after, comparable));
}

export function figureChange(
  key: string,
  label: string,
  before: { value: string; unit: string } | undefined,
  after: { value: string; unit: string } | undefined,
): FigureChange | undefined {
  if (before && after && before.value === after.value && before.unit === after.unit) return undefined;
  if (!before && !after) return undefined;
  const unit = after?.unit ?? before?.unit ?? '';
  const diff = before && after ? difference(before.value, after.value, before.unit, after.unit) : '';
  return {
    key,
    label,
    unit,
    unitBefore: before && after && before.unit !== after.unit ? before.unit : null,
    before: before?.value ?? null,
    after: after?.value ?? null,
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
    const data = (after ? head : base) as Report;
    const change = figureChange(
      formatKeyPath(shown.path),
      labelOf(data, shown.path),
      before && base ? { value: before.value, unit: unitOf(base, before.path) } : undefined,
      after && head ? { value: after.value, unit: unitOf(head, after.path) } : undefined,
    );
    if (change) changes.push(change);
  }
  return changes;
}
