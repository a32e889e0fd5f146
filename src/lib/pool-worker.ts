// The module every pool worker runs (see worker-pool.ts): it loads the pool's
// handler, then tells the pool that the task begins, then runs it. So a task's
// time limit counts the task's own work, never the wait for a free worker or
// the worker loading its code (seconds on a busy machine).
import { parentPort } from 'node:worker_threads';

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

const handlers = new Map<string, Promise<Handler>>();

export default async function runTask({ id, handler, request }: PoolTask): Promise<unknown> {
  let load = handlers.get(handler);
  if (!load) {
    load = import(handler).then((m: { default: Handler }) => m.default);
    handlers.set(handler, load);
  }
  const run = await load;
  parentPort?.postMessage({ taskStarted: id } satisfies TaskStarted);
  return run(request);
}
