// Prose blocks from a snippet of report body, for text-rule tests.
import { parseBody } from '../../src/source/markdown.ts';
import { proseBlocks, type ProseBlock } from '../../src/source/prose.ts';

export function proseOf(body: string): ProseBlock[] {
  const r = parseBody(body, 'mdx');
  if (!r.ok) throw new Error(r.problem.message);
  return proseBlocks(r.tree);
}
