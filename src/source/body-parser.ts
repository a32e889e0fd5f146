// Report bodies parsed in a pool of workers, each bounded in time and memory
// (see src/lib/worker-pool.ts), for callers that read a whole tree in this
// thread (loadContent). `npm run check` and the build scan in workers instead,
// with bounded-parse.ts's inThreadParser.
import { createWorkerPool, defaultPoolSize } from '../lib/worker-pool.ts';
import type { ParseRequest } from './body-worker.ts';
import { limitProblem, PARSE_HEAP_MB, PARSE_TIMEOUT_MS } from './limits.ts';
import type { BodyResult } from './markdown.ts';

export interface BodyParser {
  parse(text: string, kind: 'md' | 'mdx'): Promise<BodyResult>;
  close(): Promise<void>;
}

export function createBodyParser(files: number): BodyParser {
  const pool = createWorkerPool<ParseRequest, BodyResult>(new URL('./body-worker.ts', import.meta.url), {
    size: defaultPoolSize(files),
    timeoutMs: PARSE_TIMEOUT_MS,
    heapMb: PARSE_HEAP_MB,
  });
  return {
    async parse(text, kind) {
      const outcome = await pool.run({ text, kind });
      return outcome.ok ? outcome.value : { ok: false, problem: limitProblem(outcome.limit) };
    },
    close: () => pool.close(),
  };
}
