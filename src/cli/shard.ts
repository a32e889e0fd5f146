// --shard i/n: the i-th of n CI machines takes every n-th item of a sorted
// list (PDFs, parts of the site; round robin keeps the shards even).
import { UserError } from './run.ts';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(`--shard 应写成 i/n（1 ≤ i ≤ n），例如 --shard 2/4，而不是“${text}”`);
  }
  return { index, count };
}

export function inShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  if (!shard) return [...items];
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}

export const shardLabel = (shard: Shard) => `${shard.index}-of-${shard.count}`;
