// The PDF cache: a second run renders nothing; a changed report is rendered again.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { contentWith, SEED_CONTENT, SEED_REPORT } from '../helpers/content.ts';
import { printPdfs, scratch } from './helpers.ts';

describe('cache', () => {
  test('a second run renders nothing; a changed report is rendered again', async () => {
    const cache = await scratch();
    const env = { GONGKAI_PDF_CACHE: cache };
    const cold = await printPdfs(SEED_CONTENT, { env });
    assert.match(cold.stdout, /新生成 1，缓存 0/);
    const warm = await printPdfs(SEED_CONTENT, { env });
    assert.match(warm.stdout, /新生成 0，缓存 1/);
    assert.ok((await readFile(cold.pdf())).equals(await readFile(warm.pdf())));

    const changed = await contentWith([{ file: SEED_REPORT, replace: ['我单位未出现', '本单位未出现'] }]);
    const again = await printPdfs(changed, { env });
    assert.match(again.stdout, /新生成 1，缓存 0/);
  });
});
