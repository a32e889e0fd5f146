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
