// Calendar dates (成文日期, 发布日期) as "YYYY-MM-DD" strings: no time zone can
// shift them. YAML parsers differ (Astro's own reader yields a Date; our own
// reader yields the text), so both are accepted and must name a real day.
import { z } from 'astro/zod';
import { JSON_FORMS, JSON_KIND } from './money.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const calendarDate = (title: string) =>
  z
    .union([z.string(), z.date()], { error: () => '应填写日期，格式为 YYYY-MM-DD，例如 2024-06-26' })
    .transform((input, ctx): string => {
      const text = input instanceof Date ? input.toISOString().slice(0, 10) : input.trim();
      if (!isRealDate(text)) {
        ctx.addIssue({
          code: 'custom',
          message: ISO_DATE.test(text)
            ? `“${text}”不是有效日期（没有这一天），请核对年月日`
            : `“${text}”不是日期，请写成 YYYY-MM-DD，例如 2024-06-26`,
          params: { rule: 'schema.date' },
        });
        return z.NEVER;
      }
      return text;
    })
    .meta({ title, description: `${title}（YYYY-MM-DD）`, [JSON_KIND]: 'date', ...JSON_FORMS.date });

/** "2024-06-26" → "2024年6月26日" (GB/T 9704 成文日期: Arabic numerals, no leading zeros). */
export function formatChineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
