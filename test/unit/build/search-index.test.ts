// The search index is split into shards by department, independently of the
// site's parts: bounded in number (the search page loads each), stable as the
// site grows, every report page in exactly one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INDEX_SHARD_SIZE, MAX_INDEX_SHARDS, planIndexShards } from '../../../src/build/search-index.ts';

const corpus = (departments: number, years = [2024]) =>
  Array.from({ length: departments }, (_, i) => `d${String(i + 1).padStart(5, '0')}`).flatMap((department) =>
    years.map((year) => ({ file: `reports/${year}/${department}.mdx`, year, department })),
  );

test('a small site has one shard; larger ones about INDEX_SHARD_SIZE reports each, at most MAX_INDEX_SHARDS', () => {
  assert.deepEqual(planIndexShards(corpus(3)), [
    {
      id: 'p0',
      files: ['reports/2024/d00001.mdx', 'reports/2024/d00002.mdx', 'reports/2024/d00003.mdx'],
      pages: ['reports/2024/d00001/index.html', 'reports/2024/d00002/index.html', 'reports/2024/d00003/index.html'],
    },
  ]);
  const thousand = planIndexShards(corpus(1000));
  assert.equal(thousand.length, MAX_INDEX_SHARDS);
  assert.ok(thousand.every((s) => s.files.length < INDEX_SHARD_SIZE * 2));
  assert.equal(planIndexShards(corpus(20_000)).length, MAX_INDEX_SHARDS, 'past 16 shards, the shards grow');
});

test('every report page is in exactly one shard, with all years of its department', () => {
  const reports = corpus(500, [2023, 2024]);
  const shards = planIndexShards(reports);
  const pages = shards.flatMap((s) => s.pages);
  assert.equal(pages.length, reports.length);
  assert.equal(new Set(pages).size, reports.length);
  for (const s of shards)
    for (const f of s.files) assert.ok(s.files.includes(f.replace('2023', '2024')), `${f}: both years in ${s.id}`);
});

test('a department keeps its shard as others are added, until the number of shards doubles', () => {
  const shardOf = (reports: ReturnType<typeof corpus>, file: string) =>
    planIndexShards(reports).find((s) => s.files.includes(file))?.id;
  const before = corpus(600);
  const after = corpus(700);
  for (const r of before.slice(0, 50)) assert.equal(shardOf(after, r.file), shardOf(before, r.file));
});
