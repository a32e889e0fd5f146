// Long lists (a year's comparison table, the department index) are split into
// pages of LIST_PAGE_SIZE rows, so a province's 20,000 reports never make one
// 10 MB page. A county's list fits on one page and looks as it always did.
// The full table stays in /data/reports.csv and .json.
import { GRADES, type Grade } from '../lib/grade.ts';

/** Rows per page: about 10 KB gzipped for a year table, whatever the site's size. */
export const LIST_PAGE_SIZE = 200;

export interface ListPage<T> {
  /** 1-based. */
  number: number;
  /** How many pages the list has. */
  count: number;
  items: T[];
  /** 1-based position of the first item in the whole list (0 when the list is empty). */
  from: number;
  /** 1-based position of the last item. */
  to: number;
  /** Items in the whole list. */
  total: number;
}

/** How many pages a list of `total` items takes (an empty list is one empty page). */
export const pageCount = (total: number, size = LIST_PAGE_SIZE) => Math.max(1, Math.ceil(total / size));

/** The list split into pages. */
export function paginate<T>(items: readonly T[], size = LIST_PAGE_SIZE): ListPage<T>[] {
  const count = pageCount(items.length, size);
  return Array.from({ length: count }, (_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      number: i + 1,
      count,
      items: slice,
      from: slice.length ? i * size + 1 : 0,
      to: i * size + slice.length,
      total: items.length,
    };
  });
}

/**
 * The page numbers a pager shows: the first, the last, and two either side of
 * the current one; null marks a gap (…). Ten links at most, so the pager of a
 * 100-page list fits a phone.
 */
export function pagerNumbers(current: number, count: number): (number | null)[] {
  const shown = new Set([1, count]);
  for (let n = current - 2; n <= current + 2; n++) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, n] of sorted.entries()) {
    const prev = sorted[i - 1];
    if (prev !== undefined && n - prev > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/**
 * The self-evaluation grades as URL segments of a year's filtered lists
 * (/years/2023/you/): ASCII like every other path, and never a number, so a
 * grade cannot be mistaken for a page.
 */
const GRADE_SLUG: Record<Grade, string> = { 优: 'you', 良: 'liang', 中: 'zhong', 差: 'cha' };

export interface GradeFilter {
  /** null: the original states neither a grade nor a score to derive one from. */
  grade: Grade | null;
  slug: string;
  label: string;
}

export const GRADE_FILTERS: readonly GradeFilter[] = [
  ...GRADES.map((grade) => ({ grade, slug: GRADE_SLUG[grade], label: grade })),
  { grade: null, slug: 'none', label: '等级原文未载' },
];
