import { z } from 'astro/zod';

/** A required piece of text, trimmed, not empty. */
export const text = (title: string, description?: string) =>
  z
    .string({ error: () => `${title}应为文字` })
    .trim()
    .min(1, { error: () => `${title}不能为空` })
    .meta({ title, ...(description ? { description } : {}) });
