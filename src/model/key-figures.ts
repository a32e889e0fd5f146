// The key figures of a report, as the panel at the top of its page and the
// comparison tables show them: named, valued and written as the figure
// registry says (src/figures/).
import { figureAt } from '../figures/figure.ts';
import { figureDef } from '../figures/registry.ts';
import { gradeFor, type Grade } from '../lib/grade.ts';
import type { Report } from '../schema/report.ts';

export interface KeyFigure {
  /** Key path in the frontmatter, e.g. budget.final. */
  key: string;
  label: string;
  /** The decimal as published: "825.75". */
  value: string;
  /** With its unit: "825.75万元". */
  text: string;
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
  const figure = figureAt(report, key);
  if (!figure) throw new Error(`report has no figure ${key}`);
  return { key, label: figure.label, value: figure.value, text: figure.text };
}

export function keyFigures(report: Report): KeyFigure[] {
  return KEY_FIGURE_KEYS.map((key) => keyFigure(report, key));
}

export interface GradeInfo {
  grade: Grade;
  /** False when the report does not state a grade and it was derived from the score. */
  stated: boolean;
}

export function reportGrade(report: Report): GradeInfo {
  return report.grade ? { grade: report.grade, stated: true } : { grade: gradeFor(report.score), stated: false };
}

/** 发布日期: the disclosure date when given, else the date the report was signed (成文日期). */
export function publishedOn(report: Report): string {
  return report.disclosure?.published ?? report.issued;
}
