// Parsing a report body within its bounds: nesting is measured before the
// parser sees the text, and a stack overflow is a problem of the file, not a
// crash. Time and memory are bounded by running this in a worker.
import { TOO_COMPLEX_HINT } from './limits.ts';
import { parseBody, type BodyResult } from './markdown.ts';
import { checkDelimiters } from './delimiters.ts';
import { checkNesting } from './nesting.ts';
import type { BodyParser } from './body-parser.ts';

export function parseBodyBounded(text: string, kind: 'md' | 'mdx'): BodyResult {
  const tooComplex = checkNesting(text) ?? checkDelimiters(text);
  if (tooComplex) return { ok: false, problem: tooComplex };
  try {
    return parseBody(text, kind);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      ok: false,
      problem: {
        rule: 'source.too-complex',
        message: '正文结构过于复杂（嵌套或成串的符号过多），无法解析',
        hint: TOO_COMPLEX_HINT,
        at: { line: 1, column: 1 },
      },
    };
  }
}

/** The same bounds without a worker, for code already running in one. */
export const inThreadParser: BodyParser = {
  parse: async (text, kind) => parseBodyBounded(text, kind),
  close: async () => {},
};
