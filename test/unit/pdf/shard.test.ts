import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UserError } from '../../../src/cli/run.ts';
import { inShard, parseShard } from '../../../src/cli/shard.ts';

test('shards of any count cover every item exactly once', () => {
  const items = Array.from({ length: 23 }, (_, i) => i);
  for (const count of [1, 2, 3, 7, 30]) {
    const all = Array.from({ length: count }, (_, i) => inShard(items, { index: i + 1, count })).flat();
    assert.deepEqual(
      all.sort((a, b) => a - b),
      items,
      `${count} shards`,
    );
  }
});

for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1', '1/2/3']) {
  test(`--shard ${bad} is refused`, () => assert.throws(() => parseShard(bad), UserError));
}
