// Parsing a report body within its bounds: nesting is measured before the
// parser sees the text, and a stack overflow is a problem of the file, not a
// crash. Time and memory are bounded by running this in a worker.
import { PARSE_HEAP_MB, PARSE_TIMEOUT_MS } from './limits.ts';
import { parseBody, type BodyResult } from './markdown.ts';
import { checkDelimiters } from './delimiters.ts';
import { checkNesting } from './nesting.ts';
import type { SourceProblem } from './problem.ts';

const HINT = '正常报告的解析只需几毫秒。请检查是否有大量连续的 *、_、[、> 等符号、异常的缩进或误粘贴的内容。';

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
        hint: HINT,
        at: { line: 1, column: 1 },
      },
    };
  }
}

/** The problem of a body that hit the worker's time or heap limit. */
export function limitProblem(limit: 'time' | 'memory'): SourceProblem {
  return {
    rule: 'source.too-complex',
    message:
      limit === 'time'
        ? `解析超过 ${PARSE_TIMEOUT_MS / 1000} 秒仍未完成，已停止`
        : `解析所需内存超过 ${PARSE_HEAP_MB} MB，已停止`,
    hint: HINT,
    at: { line: 1, column: 1 },
  };
}
