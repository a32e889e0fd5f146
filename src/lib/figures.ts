// Reads a figure of a report by its key path ("budget.final") and renders it
// the way the text shows it ("825.75万元"). Used by <Fig> and the page parts.
import { withUnit, asPercent } from './format.ts';

export interface FigureValue {
  value: string;
  text: string;
}

const PERCENT_KEYS = new Set(['budget.execution_rate', 'score']);

export function figureAt(report: unknown, key: string): FigureValue | undefined {
  let v: unknown = report;
  for (const part of key.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[/^\d+$/.test(part) ? Number(part) : part];
  }
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const value = String(v);
  const unit = (report as { budget?: { unit?: string } }).budget?.unit ?? '万元';
  if (key === 'score') return { value, text: `${value}分` };
  if (PERCENT_KEYS.has(key)) return { value, text: asPercent(value) };
  if (key.startsWith('budget.') || key.startsWith('projects.')) return { value, text: withUnit(value, unit) };
  if (key.startsWith('staffing.')) return { value, text: `${value}人` };
  return { value, text: value };
}
