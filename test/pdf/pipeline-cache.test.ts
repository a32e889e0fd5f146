// The PDF cache: a second run renders nothing; a changed report is rendered again.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { contentWith, SEED_REPORT } from '../helpers/content.ts';
import { printPdfs, scratch } from './helpers.ts';
import { seedTree } from './shared-trees.ts';

describe('cache', () => {
  test('a second run renders nothing; a changed report is rendered again', async () => {
    const cache = await scratch();
    const env = { GONGKAI_PDF_CACHE: cache };
    const seed = await seedTree();
    const cold = await printPdfs(seed, { env });
    assert.match(cold.stdout, /新生成 1，缓存 0/);
    const warm = await printPdfs(seed, { env });
    assert.match(warm.stdout, /新生成 0，缓存 1/);
    assert.ok((await readFile(cold.pdf())).equals(await readFile(warm.pdf())));

    const changed = await contentWith([{ file: SEED_REPORT, replace: ['我单位未出现', '本单位未出现'] }]);
    const again = await printPdfs(changed, { env });
    assert.match(again.stdout, /新生成 1，缓存 0/);
  });
});
