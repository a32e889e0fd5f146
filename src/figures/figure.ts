// A figure of a report as everything shows it: its label, its value exactly
// as published, its unit and its text ("825.75万元", "3个", "101.25%", "98分",
// "600余册"). One spacing rule: the unit follows the number directly, as in
// the published reports. A figure the original does not state (原文未载) is
// written 原文未写, here and nowhere else.
import { formatKeyPath, leaves, parseKeyPath, valueAt, type KeyPath } from '../lib/key-path.ts';
import type { Report } from '../schema/report.ts';
import { NOT_STATED, NOT_STATED_TEXT } from './not-stated.ts';
import { figureDefAt, type FigureDef } from './registry.ts';

export interface Figure {
  /** budget.final, indicators.0.actual */
  key: string;
  path: KeyPath;
  def: FigureDef;
  /** 年终决算数; 事业发展类·项目个数 */
  label: string;
  /** The decimal as published: "825.75"; null when the original does not state it (原文未载). */
  value: string | null;
  unit: string;
  /** "825.75万元"; "原文未写" for a figure the original does not state. */
  text: string;
}

/**
 * The one way a number and its unit are written: "825.75万元", "100%",
 * "600余册"; a figure the original does not state (null in the model, 原文未载
 * as written, e.g. in the diff) is "原文未写".
 */
export function figureText(value: string | null, unit: string, options: { approx?: boolean } = {}): string {
  if (value === null || value === NOT_STATED) return NOT_STATED_TEXT;
  return `${value}${options.approx ? '余' : ''}${unit}`;
}

/** The list item a figure belongs to (an indicator, a project category), if any. */
function itemOf(data: unknown, path: KeyPath): Record<string, unknown> | undefined {
  const index = path.findLastIndex((k) => typeof k === 'number');
  if (index < 0) return undefined;
  const item = valueAt(data, path.slice(0, index + 1));
  return item !== null && typeof item === 'object' ? (item as Record<string, unknown>) : undefined;
}

export function figureUnit(def: FigureDef, data: unknown, path: KeyPath): string {
  if ('fixed' in def.unit) return def.unit.fixed;
  if (def.unit.from === 'budget') {
    const unit = valueAt(data, ['budget', 'unit']);
    return typeof unit === 'string' ? unit : '万元';
  }
  const unit = itemOf(data, path)?.unit;
  return typeof unit === 'string' ? unit : '';
}

export function figureLabel(def: FigureDef, data: unknown, path: KeyPath): string {
  if (!def.owner) return def.title;
  const owner = typeof def.owner === 'string' ? def.owner : itemOf(data, path)?.[def.owner.item];
  return typeof owner === 'string' && owner ? `${owner}·${def.title}` : def.title;
}

function figureFrom(data: Report, path: KeyPath, def: FigureDef): Figure | undefined {
  const v = valueAt(data, path);
  if (typeof v !== 'string' && typeof v !== 'number' && v !== null) return undefined;
  const value = v === null ? null : String(v);
  const unit = figureUnit(def, data, path);
  const approx = path.at(-1) === 'actual' && itemOf(data, path)?.approx === true;
  return {
    key: formatKeyPath(path),
    path,
    def,
    label: figureLabel(def, data, path),
    value,
    unit,
    text: figureText(value, unit, { approx }),
  };
}

/** The figure at a key ("budget.final", "indicators.0.actual"), or undefined when the report has none there. */
export function figureAt(data: Report, key: string | KeyPath): Figure | undefined {
  const path = typeof key === 'string' ? parseKeyPath(key) : key;
  const def = figureDefAt(path);
  return def ? figureFrom(data, path, def) : undefined;
}

export const isFigurePath = (path: KeyPath): boolean => figureDefAt(path) !== undefined;

/** Every figure the report has, in frontmatter order. */
export function figuresIn(data: Report): Figure[] {
  return leaves(data).flatMap(({ path }) => {
    const def = figureDefAt(path);
    const figure = def && figureFrom(data, path, def);
    return figure ? [figure] : [];
  });
}

/** Every key a <Fig k="…" /> may name in this report. */
export const figureKeys = (data: Report): string[] => figuresIn(data).map((f) => f.key);
