// Bounds on what a report may be, so a hostile or broken file fails quickly
// and clearly instead of hanging the build. A real report is ~20 KB, nests
// lists two deep and parses in a few milliseconds.

import { settings } from '../config.ts';
import type { SourceProblem } from './problem.ts';

/** Largest content file accepted (bytes). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Largest image a report may use (bytes): a scanned seal or signature is well under 1 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Deepest nesting of lists and block quotes in a report body. */
export const MAX_NESTING = 12;

/** Runs of emphasis markers (*, _, ~) one paragraph may have; their parse time grows with the square. */
export const MAX_DELIMITER_RUNS = 2000;

/** Time one report body may take to parse before it is rejected (ms). */
export const PARSE_TIMEOUT_MS = settings().parseTimeoutMs;

/** Heap a parse worker may use (MB). */
export const PARSE_HEAP_MB = 512;

export const TOO_COMPLEX_HINT =
  '正常报告的解析只需几毫秒。请检查是否有大量连续的 *、_、[、> 等符号、异常的缩进或误粘贴的内容。';

/**
 * The problem of a body that hit the worker's time or heap limit. Here, not
 * beside the parser: the thread that runs the workers never loads the parser.
 */
export function limitProblem(limit: 'time' | 'memory'): SourceProblem {
  return {
    rule: 'source.too-complex',
    message:
      limit === 'time'
        ? `解析超过 ${PARSE_TIMEOUT_MS / 1000} 秒仍未完成，已停止`
        : `解析所需内存超过 ${PARSE_HEAP_MB} MB，已停止`,
    hint: TOO_COMPLEX_HINT,
    at: { line: 1, column: 1 },
  };
}
