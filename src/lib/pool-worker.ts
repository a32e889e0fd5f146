// The module every pool worker runs (see worker-pool.ts): it loads the pool's
// handler, then tells the pool that the task begins, then runs it. So a task's
// time limit counts the task's own work, never the wait for a free worker or
// the worker loading its code (seconds on a busy machine).
import { parentPort, threadId, workerData } from 'node:worker_threads';

type Handler = (request: unknown) => unknown;

export interface PoolTask {
  id: number;
  /** The handler module (its default export). */
  handler: string;
  request: unknown;
}

export interface TaskStarted {
  taskStarted: number;
}

/** Sent once the handler is loaded (or failed to load): the pool may end this worker safely from then on. */
export interface Preloaded {
  preloaded: number;
}

export interface PoolWorkerData {
  /** The pool's handler module, loaded as the worker starts. */
  preload: string;
}

const handlers = new Map<string, Promise<Handler>>();

function handlerOf(url: string): Promise<Handler> {
  let load = handlers.get(url);
  if (!load) {
    load = import(url).then((m: { default: Handler }) => m.default);
    handlers.set(url, load);
  }
  return load;
}

// Loaded before the worker tells the pool it is ready: once ready, a worker
// waiting for tasks blocks its thread (piscina's Atomics.wait), and a load
// left running would only go on with the first task. A failure to load is
// that task's error.
const { preload } = (workerData ?? {}) as Partial<PoolWorkerData>;
if (preload) await handlerOf(preload).catch(() => {});
parentPort?.postMessage({ preloaded: threadId } satisfies Preloaded);

export default async function runTask({ id, handler, request }: PoolTask): Promise<unknown> {
  const run = await handlerOf(handler);
  parentPort?.postMessage({ taskStarted: id } satisfies TaskStarted);
  return run(request);
}
