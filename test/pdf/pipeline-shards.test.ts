// PDF shards cover every report once and merge; an incomplete set is refused.
import assert from 'node:assert/strict';
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runScript } from '../helpers/cli.ts';
import { manifestOf, printPdfs, sha256 } from './helpers.ts';
import { severalTree } from './shared-trees.ts';

describe('shards', () => {
  test('--shard i/n splits the reports; merging refuses an incomplete set, then copied together and merged, every report is there once', async () => {
    const tree = await severalTree();
    const one = await printPdfs(tree, { args: ['--shard', '1/2'] });
    const two = await printPdfs(tree, { args: ['--shard', '2/2'] });
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    const a = Object.keys((await manifestOf(one.out, 'manifest.1-of-2.json')).reports);
    const b = Object.keys((await manifestOf(two.out, 'manifest.2-of-2.json')).reports);
    assert.deepEqual([...a, ...b].sort(), ['2023/kgxj', '2023/kgxj-b', '2023/kgxj-c']);
    assert.equal(new Set([...a, ...b]).size, 3, 'no report in two shards');

    const incomplete = await runScript('pdf', ['--merge', '--out', one.out]);
    assert.equal(incomplete.status, 1, 'merging refuses an incomplete set of shards');
    assert.match(incomplete.stderr, /分片不完整：共 2 片，缺少第 2 片/);

    await cp(join(two.out, 'pdf'), join(one.out, 'pdf'), { recursive: true });
    const merged = await runScript('pdf', ['--merge', '--out', one.out]);
    assert.equal(merged.status, 0, merged.stderr);
    const manifest = await manifestOf(one.out);
    assert.deepEqual(Object.keys(manifest.reports), ['2023/kgxj', '2023/kgxj-b', '2023/kgxj-c']);
    for (const entry of Object.values(manifest.reports)) {
      assert.equal(entry.sha256, await sha256(join(one.out, 'pdf', entry.file)));
    }
    assert.deepEqual(
      (await readdir(join(one.out, 'pdf'))).filter((f) => f.endsWith('.json')),
      ['manifest.json'],
    );
  });
});
