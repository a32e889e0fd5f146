import { z } from 'astro/zod';
import { numberToDecimalText } from '../lib/numbers.ts';

/** A required piece of text, trimmed, not empty. */
export const text = (title: string, description?: string) =>
  z
    .string({ error: () => `${title}应为文字` })
    .trim()
    .min(1, { error: () => `${title}不能为空` })
    .meta({ title, ...(description ? { description } : {}) });

/** A table cell copied as published: text, or a number YAML read as one (100 → "100"). */
export const cellText = (title: string, description?: string) =>
  z
    .union([z.string(), z.number()], { error: () => `${title}应为文字或数字` })
    .transform((v) => (typeof v === 'number' ? numberToDecimalText(v) : v.trim()))
    .pipe(z.string().min(1, { error: () => `${title}不能为空` }))
    .meta({ title, ...(description ? { description } : {}) });
