// A small pool of parse workers with a time and memory limit per report body.
// Parsing is the slow part of reading a content tree (~6 ms per report), so
// the pool also spreads it over the machine's cores.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from './body-worker.ts';
import { PARSE_HEAP_MB, PARSE_TIMEOUT_MS } from './limits.ts';
import type { BodyResult } from './markdown.ts';

export interface BodyParser {
  parse(text: string, kind: 'md' | 'mdx'): Promise<BodyResult>;
  close(): Promise<void>;
}

interface Task {
  request: ParseRequest;
  resolve(result: BodyResult): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
  timer?: NodeJS.Timeout;
}

const WORKER_URL = new URL('./body-worker.ts', import.meta.url);

function limitProblem(kind: 'time' | 'memory'): BodyResult {
  return {
    ok: false,
    problem: {
      rule: 'source.too-complex',
      message:
        kind === 'time'
          ? `正文解析超过 ${PARSE_TIMEOUT_MS / 1000} 秒仍未完成，已停止`
          : `正文解析所需内存超过 ${PARSE_HEAP_MB} MB，已停止`,
      hint: '正常报告的解析只需几毫秒。请检查是否有大量连续的 *、_、[ 等符号、异常的缩进或误粘贴的内容。',
      at: { line: 1, column: 1 },
    },
  };
}

export function createBodyParser(files: number): BodyParser {
  const size = Math.max(1, Math.min(availableParallelism(), Math.ceil(files / 4), 4));
  const queue: Task[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB } });
    const slot: Slot = { worker };
    worker.on('message', (response: ParseResponse) => {
      const task = slot.task;
      if (!task || task.request.id !== response.id) return;
      clearTimeout(slot.timer);
      delete slot.task;
      task.resolve(response.result);
      pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const task = slot.task;
      clearTimeout(slot.timer);
      delete slot.task;
      replace(slot);
      if (task) {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') task.resolve(limitProblem('memory'));
        else task.reject(error);
      }
      pump();
    });
    worker.unref();
    return slot;
  };

  const replace = (slot: Slot) => {
    void slot.worker.terminate();
    const i = slots.indexOf(slot);
    if (i >= 0 && !closed) slots[i] = spawn();
  };

  const pump = () => {
    for (const slot of slots) {
      if (slot.task) continue;
      const task = queue.shift();
      if (!task) return;
      slot.task = task;
      slot.timer = setTimeout(() => {
        delete slot.task;
        replace(slot);
        task.resolve(limitProblem('time'));
        pump();
      }, PARSE_TIMEOUT_MS);
      slot.worker.postMessage(task.request);
    }
  };

  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    parse(text, kind) {
      return new Promise((resolve, reject) => {
        queue.push({ request: { id: nextId++, text, kind }, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
