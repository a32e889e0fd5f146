// Everything in the frontmatter that is not a figure: title, dates, basis,
// duties, internal units, review rows, acknowledgements… Lists are compared
// item by item, so a reviewer sees “新增 1 项” rather than a wall of text.
import { diffArrays } from 'diff';
import { formatKeyPath, leaves, type KeyPath } from '../lib/key-path.ts';
import type { Report } from '../schema/report.ts';
import { isFigurePath } from '../figures/figure.ts';
import { NOT_STATED_TEXT } from '../figures/not-stated.ts';
import { fieldTitle } from '../schema/field-titles.ts';
import type { FieldChange } from './diff-types.ts';

/** Compared elsewhere: figures, indicators, the score and grade. */
const ELSEWHERE = new Set(['indicators', 'score', 'grade']);

const short = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

function scalar(value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value === null) return NOT_STATED_TEXT; // 原文未载 (成文日期)
  return String(value);
}

/** A list item in one line: a string as is, an object as its non-figure values. */
function itemText(item: unknown, path: KeyPath): string {
  if (item === null || typeof item !== 'object') return scalar(item);
  return leaves(item, path)
    .filter((l) => !isFigurePath(l.path))
    .map((l) => scalar(l.value))
    .filter(Boolean)
    .join('：');
}

function listDetail(before: string[], after: string[]): string {
  const parts: string[] = [];
  for (const part of diffArrays(before, after)) {
    if (!part.added && !part.removed) continue;
    const items = part.value.map((v) => `“${short(v, 30)}”`).join('、');
    parts.push(`${part.added ? '新增' : '删除'} ${part.value.length} 项：${items}`);
  }
  return parts.join('；');
}

export function compareFields(base: Report | undefined, head: Report | undefined): FieldChange[] {
  if (!base || !head) return [];
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(head), ...Object.keys(base)])];
  for (const key of keys) {
    if (ELSEWHERE.has(key)) continue;
    const b = (base as Record<string, unknown>)[key];
    const h = (head as Record<string, unknown>)[key];
    visit([key], b, h, changes);
  }
  return changes;
}

function visit(path: KeyPath, b: unknown, h: unknown, out: FieldChange[]): void {
  if (Array.isArray(b) || Array.isArray(h)) {
    const before = ((b as unknown[] | undefined) ?? []).map((item, i) => itemText(item, [...path, i]));
    const after = ((h as unknown[] | undefined) ?? []).map((item, i) => itemText(item, [...path, i]));
    if (before.join('\n') === after.join('\n')) return;
    out.push({
      key: formatKeyPath(path),
      label: fieldTitle(path) ?? String(path.at(-1)),
      before: `${before.length} 项`,
      after: `${after.length} 项`,
      detail: listDetail(before, after) || '顺序或内容有调整',
    });
    return;
  }
  const isObject = (v: unknown) => v !== null && typeof v === 'object';
  if (isObject(b) || isObject(h)) {
    const bo = (isObject(b) ? b : {}) as Record<string, unknown>;
    const ho = (isObject(h) ? h : {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ho), ...Object.keys(bo)])) visit([...path, k], bo[k], ho[k], out);
    return;
  }
  if (isFigurePath(path)) return;
  if (b === h) return;
  out.push({
    key: formatKeyPath(path),
    label: fieldTitle(path) ?? String(path.at(-1)),
    before: b === undefined ? null : short(scalar(b), 80),
    after: h === undefined ? null : short(scalar(h), 80),
    detail: null,
  });
}
