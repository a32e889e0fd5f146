// A pool of worker threads with a time and heap limit per task: work that a
// hostile input could make endless or huge is done here, where it can be
// stopped without stopping the program. A worker that hits a limit is replaced.
import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

export type Outcome<T> = { ok: true; value: T } | { ok: false; limit: 'time' | 'memory' };

export interface WorkerPool<Req, Res> {
  run(request: Req): Promise<Outcome<Res>>;
  close(): Promise<void>;
}

export interface PoolOptions {
  /** Workers; defaults to the machine's cores (at most 4). */
  size?: number;
  timeoutMs: number;
  heapMb: number;
  /** Handed to every worker as `workerData`. */
  data?: unknown;
}

interface Task<Req, Res> {
  id: number;
  request: Req;
  resolve(outcome: Outcome<Res>): void;
  reject(error: unknown): void;
}

interface Slot<Req, Res> {
  worker: Worker;
  task?: Task<Req, Res>;
  timer?: NodeJS.Timeout;
}

export function defaultPoolSize(tasks: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(tasks / 4)));
}

export function createWorkerPool<Req, Res>(url: URL, options: PoolOptions): WorkerPool<Req, Res> {
  const queue: Task<Req, Res>[] = [];
  const slots: Slot<Req, Res>[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (): Slot<Req, Res> => {
    const worker = new Worker(url, {
      workerData: options.data,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
    });
    const slot: Slot<Req, Res> = { worker };
    worker.on('message', ({ id, response }: { id: number; response: Res }) => {
      const task = slot.task;
      if (!task || task.id !== id) return;
      clearTimeout(slot.timer);
      delete slot.task;
      task.resolve({ ok: true, value: response });
      pump();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const task = slot.task;
      clearTimeout(slot.timer);
      delete slot.task;
      replace(slot);
      if (task) {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') task.resolve({ ok: false, limit: 'memory' });
        else task.reject(error);
      }
      pump();
    });
    worker.unref();
    return slot;
  };

  const replace = (slot: Slot<Req, Res>) => {
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
        task.resolve({ ok: false, limit: 'time' });
        pump();
      }, options.timeoutMs);
      slot.worker.postMessage({ id: task.id, request: task.request });
    }
  };

  const size = options.size ?? availableParallelism();
  for (let i = 0; i < size; i++) slots.push(spawn());

  return {
    run(request) {
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, request, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** Inside a worker: answers each request with `handle(request, workerData)`. */
export function serveWorker<Req, Res, Data = unknown>(handle: (request: Req, data: Data) => Res | Promise<Res>): void {
  parentPort?.on('message', async ({ id, request }: { id: number; request: Req }) => {
    parentPort?.postMessage({ id, response: await handle(request, workerData as Data) });
  });
}
