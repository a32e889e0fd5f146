// The figures that published reports name in prose and tables, with every
// name they go by (from the registry's variants), longest first: read by the
// prose-figure check (prose must agree with frontmatter) and the importer
// (which fills frontmatter from prose and tables).
import { parseKeyPath, type KeyPath } from '../lib/key-path.ts';
import { FIGURES, type FigureDef } from './registry.ts';

/** How the number is written after its label: an amount (万元/元/亿元), a percentage, or a count (人/个/分). */
export type LabelKind = 'amount' | 'percent' | 'count';

export interface FigureLabel {
  key: KeyPath;
  title: string;
  kind: LabelKind;
  labels: readonly string[];
  def: FigureDef;
}

const labelKind = (def: FigureDef): LabelKind =>
  def.kind === 'money' ? 'amount' : def.kind === 'percent' ? 'percent' : 'count';

export const FIGURE_LABELS: readonly FigureLabel[] = FIGURES.flatMap((def) =>
  def.variants
    ? [{ key: parseKeyPath(def.pattern), title: def.title, kind: labelKind(def), labels: def.variants, def }]
    : [],
);
