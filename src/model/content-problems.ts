// Errors in the content tree as the preview (npm run dev) shows them: a file
// with an error is left out of the pages, so every page says which files and
// why, where `npm run check` would. A build never has any: it stops first.
import { z } from 'astro/zod';

export const contentProblemSchema = z.object({
  /** Relative to the content root. */
  file: z.string(),
  line: z.number(),
  column: z.number(),
  rule: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

export type ContentProblem = z.infer<typeof contentProblemSchema>;
