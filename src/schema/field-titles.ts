// What staff call a field of the report frontmatter, from the zod schema's
// titles (the same names editors show): "budget.final" → 年终决算数.
import type { KeyPath } from '../lib/key-path.ts';
import { fieldMeta } from './errors.ts';
import { reportSchema } from './report.ts';

export function fieldTitle(path: KeyPath): string | undefined {
  const title = fieldMeta(reportSchema, path)?.title;
  return typeof title === 'string' ? title : undefined;
}
