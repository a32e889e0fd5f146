// A figure the published original does not state. Staff write the literal
// 原文未载 in the frontmatter ("the original does not record it"); the model
// holds null, so no sum, rate or comparison can use it by mistake (the types
// force every reader to decide); everything people read says 原文未写.
// Never a number in its place: a site that fills a gap with a guess publishes
// a figure nobody stated.

/** What staff write in the frontmatter instead of a number or a date. */
export const NOT_STATED = '原文未载';

/** What pages, the PDF, tables, charts and the diff show instead of the figure. */
export const NOT_STATED_TEXT = '原文未写';

/** The model's value of a figure the original does not state. */
export type NotStated = null;

export const isStated = <T>(value: T | null): value is T => value !== null;

/** Every value stated: the values, in order; undefined when any is 原文未载 (or absent). */
export function allStated<T extends readonly (string | null | undefined)[]>(
  ...values: T
): { [K in keyof T]: Exclude<T[K], null | undefined> } | undefined {
  return values.every((v) => v !== null && v !== undefined)
    ? (values as unknown as { [K in keyof T]: Exclude<T[K], null | undefined> })
    : undefined;
}

/**
 * Validated data as it is written in frontmatter again: every null (a figure
 * or date the original does not state; the model has no other nulls) back to
 * 原文未载, so the data validates a second time to the same model (Astro's
 * content collections parse what the build hands them).
 */
export function asWritten<T>(data: T): T {
  if (data === null) return NOT_STATED as T;
  if (Array.isArray(data)) return data.map(asWritten) as T;
  if (typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, asWritten(v)])) as T;
  return data;
}

/** "N 份报告中 M 份载明" when some reports do not state what a total or average covers. */
export function coverageText(stated: number, reports: number): string | undefined {
  return stated === reports ? undefined : `${reports} 份报告中 ${stated} 份载明`;
}
