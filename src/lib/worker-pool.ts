// A pool of worker threads (piscina) with a time and heap limit per task:
// work that a hostile input could make endless or huge is done there, where
// it can be stopped without stopping the program. A task past its time is
// aborted (piscina terminates its worker and starts another); a worker past
// its heap is replaced the same way. Workers export their handler as default;
// the time limit runs from when the worker begins the task (pool-worker.ts).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { PoolTask, PoolWorkerData, Preloaded, TaskStarted } from './pool-worker.ts';

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
  /**
   * Start one worker now, before any task: it loads the handler while the
   * caller does other work, and the first task finds it ready. Without it, a
   * worker starts with the first task, and its start (about half a second,
   * mostly waiting for a busy main thread to answer) is that task's.
   */
  warm?: boolean;
}

/** The longest a pool's close waits for its workers to load, before it ends them anyway. */
const LOAD_WAIT_MS = 30_000;

export function defaultPoolSize(tasks: number): number {
  return Math.max(1, Math.min(availableParallelism(), 4, Math.ceil(tasks / 4)));
}

/**
 * Workers start as tasks arrive, up to `size` (one at once when `warm`): a scan
 * of one report starts one worker, a scan of a thousand starts them all.
 */
export function createWorkerPool<Req, Res>(url: URL, options: PoolOptions): WorkerPool<Req, Res> {
  const size = options.size ?? availableParallelism();
  const pool = new Piscina({
    filename: new URL('./pool-worker.ts', import.meta.url).href,
    minThreads: options.warm ? 1 : 0,
    maxThreads: size,
    // Each worker loads the handler as it starts, not with its first task (pool-worker.ts).
    workerData: { preload: url.href } satisfies PoolWorkerData,
    // One task at a time per worker: a limit stops that task's worker only.
    concurrentTasksPerWorker: 1,
    idleTimeout: Infinity,
    resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
  });
  // A task's clock starts when its worker says it begins.
  const starting = new Map<number, () => void>();
  const preloaded = new Set<number>();
  let preloadedOne = () => {};
  pool.on('message', (message: Partial<TaskStarted & Preloaded> | undefined) => {
    if (typeof message?.taskStarted === 'number') starting.get(message.taskStarted)?.();
    if (typeof message?.preloaded === 'number') {
      preloaded.add(message.preloaded);
      preloadedOne();
    }
  });
  // A worker ended while it still loads its handler may never end: Node 24
  // left such a thread running, its 'exit' never came, and the pool's close
  // (and the process) waited for good (about 1 in 100 builds of a tree the
  // check answered from its cache, on a busy machine). So the pool is closed
  // once its workers have loaded: a wait only when none was ever needed.
  const loaded = async () => {
    const until = Date.now() + LOAD_WAIT_MS;
    while (pool.threads.some((t) => !preloaded.has(t.threadId)) && Date.now() < until)
      await new Promise<void>((resolve) => {
        preloadedOne = resolve;
        setTimeout(resolve, 100);
      });
  };
  let nextId = 0;
  let closed: Promise<void> | undefined;
  return {
    async run(request) {
      const id = nextId++;
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      starting.set(id, () => {
        starting.delete(id);
        timer = setTimeout(() => abort.abort(), options.timeoutMs);
      });
      try {
        const task: PoolTask = { id, handler: url.href, request };
        return { ok: true, value: (await pool.run(task, { signal: abort.signal })) as Res };
      } catch (error) {
        const e = error as Error & { code?: string };
        if (e.name === 'AbortError') return { ok: false, limit: 'time' };
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return { ok: false, limit: 'memory' };
        throw error;
      } finally {
        starting.delete(id);
        clearTimeout(timer);
      }
    },
    // Closing twice is closing once (a caller may close on success and again on the way out).
    close: () => (closed ??= loaded().then(() => pool.destroy())),
  };
}
