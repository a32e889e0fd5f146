// The pool stops a task past its time or heap and goes on with the next: what
// keeps a hostile report from hanging or crashing npm run check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorkerPool } from '../../../src/lib/worker-pool.ts';

test('a task past its time or its heap is stopped; the pool goes on', async () => {
  const pool = createWorkerPool<'answer' | 'loop' | 'eat', string>(new URL('./workers/misbehave.ts', import.meta.url), {
    size: 1,
    timeoutMs: 1000,
    heapMb: 32,
  });
  try {
    assert.deepEqual(await pool.run('loop'), { ok: false, limit: 'time' });
    assert.deepEqual(await pool.run('eat'), { ok: false, limit: 'memory' });
    assert.deepEqual(await pool.run('answer'), { ok: true, value: 'ok' });
  } finally {
    await pool.close();
  }
});
