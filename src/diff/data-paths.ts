// Walking a report's validated data: where each value sits, what staff call
// it (the zod titles, via describeKey's metadata) and whether it is a figure.
import { fieldMeta, type KeyPath } from '../schema/errors.ts';
import { JSON_KIND } from '../schema/money.ts';
import { reportSchema } from '../schema/report.ts';

const FIGURE_KINDS = new Set(['decimal', 'signed-decimal', 'integer']);

export function isFigure(path: KeyPath): boolean {
  const kind = fieldMeta(reportSchema, path)?.[JSON_KIND];
  return typeof kind === 'string' && FIGURE_KINDS.has(kind);
}

export function titleOf(path: KeyPath): string | undefined {
  const title = fieldMeta(reportSchema, path)?.title;
  return typeof title === 'string' ? title : undefined;
}

export function valueAt(data: unknown, path: KeyPath): unknown {
  let v = data;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** A name for an item of a list: its `name` field when it has one. */
export function itemName(data: unknown, path: KeyPath): string | undefined {
  const name = valueAt(data, [...path, 'name']);
  return typeof name === 'string' ? name : undefined;
}

/**
 * "年终决算数"; a generic title is qualified by what it belongs to:
 * "一般公共预算·金额", "事业发展类·项目个数".
 */
export function labelOf(data: unknown, path: KeyPath): string {
  const title = titleOf(path) ?? String(path.at(-1));
  if (path.length <= 2) return title;
  const parent = path.slice(0, -1);
  const owner = typeof parent.at(-1) === 'number' ? itemName(data, parent) : titleOf(parent);
  return owner ? `${owner}·${title}` : title;
}

/**
 * The unit a figure is read in: the budget's unit for money, % for rates,
 * 人 for head counts, 个 for project counts, 分 for the score.
 */
export function unitOf(data: { budget: { unit: string } }, path: KeyPath): string {
  const last = path.at(-1);
  if (path.length === 1 && last === 'score') return '分';
  if (path[0] === 'staffing') return '人';
  if (last === 'count') return '个';
  if (last === 'execution_rate' || last === 'share') return '%';
  return data.budget.unit;
}

/** Every leaf of the data (strings, numbers, booleans), with its path; lists of objects by index. */
export function leaves(data: unknown, path: KeyPath = []): { path: KeyPath; value: unknown }[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => leaves(v, [...path, i]));
  if (data !== null && typeof data === 'object')
    return Object.entries(data).flatMap(([k, v]) => leaves(v, [...path, k]));
  return data === undefined ? [] : [{ path, value: data }];
}
