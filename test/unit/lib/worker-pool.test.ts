// The pool stops a task past its time or heap and goes on with the next: what
// keeps a hostile report from hanging or crashing npm run check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import { createWorkerPool } from '../../../src/lib/worker-pool.ts';

const misbehaving = (timeoutMs: number, warm = false) =>
  createWorkerPool<'answer' | 'loop' | 'eat' | 'loadedAt' | { busyMs: number }, string>(
    new URL('./workers/misbehave.ts', import.meta.url),
    {
      size: 1,
      timeoutMs,
      heapMb: 32,
      warm,
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

test('a warm pool has its worker loaded before the first task comes; a cold one loads it then', async () => {
  for (const warm of [true, false]) {
    const pool = misbehaving(60_000, warm);
    try {
      // Time enough to start a worker on a busy machine (it takes a fraction of a second).
      await setTimeout(3000);
      const asked = Date.now();
      const outcome = await pool.run('loadedAt');
      assert.ok(outcome.ok);
      const loadedAt = Number(outcome.value);
      if (warm) assert.ok(loadedAt < asked, 'loaded while the caller did other things');
      else assert.ok(loadedAt >= asked, 'loaded for the task');
    } finally {
      await pool.close();
    }
  }
});
