// The key figures of a report, as the panel at the top of its page and the
// comparison tables show them: named, valued and written as the figure
// registry says (src/figures/): as published, computed and marked so
// (“100%（计算）”), or 原文未写.
import { shownFigure, type FigureSource } from '../figures/derived.ts';
import { figureDef } from '../figures/registry.ts';
import type { Report } from '../schema/report.ts';

export interface KeyFigure {
  /** Key path in the frontmatter, e.g. budget.final. */
  key: string;
  label: string;
  /** The decimal as published (or computed): "825.75"; null when the original does not state it. */
  value: string | null;
  /** With its unit: "825.75万元"; "原文未写". */
  text: string;
  source: FigureSource;
  /** The text with its mark: "100%（计算）"; "原文未写". */
  shown: string;
}

/** The panel's figures, in reading order. */
export const KEY_FIGURE_KEYS = [
  'budget.total',
  'budget.final',
  'budget.execution_rate',
  'budget.basic',
  'budget.project',
  'score',
] as const;

export type KeyFigureKey = (typeof KEY_FIGURE_KEYS)[number];

/** The standard name of a figure ("年终决算数"), from the registry. */
export const figureTitle = (key: string): string => figureDef(key).title;

export function keyFigure(report: Report, key: string): KeyFigure {
  const figure = shownFigure(report, key);
  if (!figure) throw new Error(`report has no figure ${key}`);
  return {
    key,
    label: figure.label,
    value: figure.value,
    text: figure.text,
    source: figure.source,
    shown: figure.shown,
  };
}

export function keyFigures(report: Report): KeyFigure[] {
  return KEY_FIGURE_KEYS.map((key) => keyFigure(report, key));
}

/**
 * 发布日期: the disclosure date when given, else the date the report was
 * signed (成文日期); undefined when the original states neither.
 */
export function publishedOn(report: Report): string | undefined {
  return report.disclosure?.published ?? report.issued ?? undefined;
}
