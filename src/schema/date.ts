// Calendar dates (成文日期, 发布日期) as "YYYY-MM-DD" strings: no time zone can
// shift them. YAML parsers differ (Astro's own reader yields a Date; our own
// reader yields the text), so both are accepted and must name a real day.
import { z } from 'astro/zod';
import { NOT_STATED } from '../figures/not-stated.ts';
import { JSON_FORMS, JSON_KIND } from './money.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function dateText(input: string | Date, ctx: z.RefinementCtx): string {
  const text = input instanceof Date ? input.toISOString().slice(0, 10) : input.trim();
  if (isRealDate(text)) return text;
  ctx.addIssue({
    code: 'custom',
    message: ISO_DATE.test(text)
      ? `“${text}”不是有效日期（没有这一天），请核对年月日`
      : `“${text}”不是日期，请写成 YYYY-MM-DD，例如 2024-06-26`,
    params: { rule: 'schema.date' },
  });
  return z.NEVER;
}

const dateInput = () =>
  z.union([z.string(), z.date()], { error: () => '应填写日期，格式为 YYYY-MM-DD，例如 2024-06-26' });

export const calendarDate = (title: string) =>
  dateInput()
    .transform((input, ctx): string => dateText(input, ctx))
    .meta({ title, description: `${title}（YYYY-MM-DD）`, [JSON_KIND]: 'date', ...JSON_FORMS.date });

/** A date the original may not state (成文日期): 原文未载 is held as null. */
export const statedDate = (title: string) =>
  dateInput()
    .transform((input, ctx): string | null =>
      typeof input === 'string' && input.trim() === NOT_STATED ? null : dateText(input, ctx),
    )
    .meta({
      title,
      description: `${title}（YYYY-MM-DD；原文没有写时填 ${NOT_STATED}）`,
      [JSON_KIND]: 'date-or-not-stated',
      ...JSON_FORMS['date-or-not-stated'],
    });

/** "2024-06-26" → "2024年6月26日" (GB/T 9704 成文日期: Arabic numerals, no leading zeros). */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
