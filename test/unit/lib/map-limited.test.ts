import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapLimited } from '../../../src/lib/map-limited.ts';

test('keeps the input order and never has more than the limit in flight', async () => {
  let inFlight = 0;
  let most = 0;
  const out = await mapLimited([30, 5, 20, 1, 10, 2], 3, async (ms, i) => {
    most = Math.max(most, ++inFlight);
    await new Promise((r) => setTimeout(r, ms));
    inFlight--;
    return `${i}:${ms}`;
  });
  assert.deepEqual(out, ['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
  assert.equal(most, 3);
});

test('an empty list gives an empty result', async () => {
  assert.deepEqual(await mapLimited([], 4, async () => 1), []);
});

test('after a failure no call starts, and the failure is thrown once the calls in flight have ended', async () => {
  const started: number[] = [];
  let inFlight = 0;
  const run = mapLimited([0, 1, 2, 3, 4, 5, 6, 7], 3, async (i) => {
    started.push(i);
    inFlight++;
    await new Promise((r) => setTimeout(r, i === 1 ? 5 : 30));
    inFlight--;
    if (i === 1) throw new Error('第 1 项失败');
  });
  await assert.rejects(run, /第 1 项失败/);
  assert.equal(inFlight, 0, 'nothing still running when the caller hears of the failure (it may remove their folder)');
  assert.deepEqual(started, [0, 1, 2], 'nothing started after the failure');
});

test('an aborted signal starts no further call', async () => {
  const stop = new AbortController();
  const started: number[] = [];
  const run = mapLimited(
    [0, 1, 2, 3, 4],
    1,
    async (i) => {
      started.push(i);
      if (i === 1) stop.abort(new Error('已中断'));
    },
    stop.signal,
  );
  await assert.rejects(run, /已中断/);
  assert.deepEqual(started, [0, 1]);
});
