// The pool stops a task past its time or heap and goes on with the next: what
// keeps a hostile report from hanging or crashing npm run check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createWorkerPool } from '../../../src/lib/worker-pool.ts';

const misbehaving = (timeoutMs: number) =>
  createWorkerPool<'answer' | 'loop' | 'eat' | { busyMs: number }, string>(
    new URL('./workers/misbehave.ts', import.meta.url),
    {
      size: 1,
      timeoutMs,
      heapMb: 32,
    },
  );

test('a task past its time is stopped; the pool goes on', async () => {
  const pool = misbehaving(1000);
  try {
    assert.deepEqual(await pool.run('loop'), { ok: false, limit: 'time' });
    assert.deepEqual(await pool.run('answer'), { ok: true, value: 'ok' });
  } finally {
    await pool.close();
  }
});

test('a task past its heap is stopped; the pool goes on', async () => {
  // Time enough for a replacement worker to start on a busy machine: the heap is what stops it.
  const pool = misbehaving(60_000);
  try {
    assert.deepEqual(await pool.run('eat'), { ok: false, limit: 'memory' });
    assert.deepEqual(await pool.run('answer'), { ok: true, value: 'ok' });
  } finally {
    await pool.close();
  }
});

test('the time limit counts a task’s own work, not its wait for a worker', async () => {
  // One worker, three tasks of 0.6 s each under a 1 s limit: the last one waits 1.2 s first.
  const pool = misbehaving(1000);
  try {
    const outcomes = await Promise.all([1, 2, 3].map(() => pool.run({ busyMs: 600 })));
    assert.deepEqual(outcomes, Array(3).fill({ ok: true, value: 'ok' }));
  } finally {
    await pool.close();
  }
});
