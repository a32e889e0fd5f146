// Parses report bodies off the main thread, so a pathological file can be
// stopped (time and memory limits) without stopping the check.
import { parentPort } from 'node:worker_threads';
import { parseBody, type BodyResult } from './markdown.ts';
import { checkNesting } from './nesting.ts';

export interface ParseRequest {
  id: number;
  text: string;
  kind: 'md' | 'mdx';
}

export interface ParseResponse {
  id: number;
  result: BodyResult;
}

function parse({ text, kind }: ParseRequest): BodyResult {
  const tooDeep = checkNesting(text);
  if (tooDeep) return { ok: false, problem: tooDeep };
  try {
    return parseBody(text, kind);
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        ok: false,
        problem: {
          rule: 'source.too-complex',
          message: '正文结构过于复杂（嵌套或成串的符号过多），无法解析',
          hint: '请检查是否有大量连续的 *、_、[、> 等符号或异常的缩进。',
          at: { line: 1, column: 1 },
        },
      };
    }
    throw error;
  }
}

parentPort?.on('message', (request: ParseRequest) => {
  parentPort?.postMessage({ id: request.id, result: parse(request) } satisfies ParseResponse);
});
