// The PDF cache: a second run renders nothing; a changed report is rendered again.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { printPdfs, scratch, tamperedSite } from './helpers.ts';
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

    // The report's print page as a rebuild after an edit of its text would make it.
    const edited = await tamperedSite(seed.site, {
      '2023/kgxj': (html) => {
        assert.ok(html.includes('我单位未出现'));
        return html.replace('我单位未出现', '本单位未出现');
      },
    });
    const again = await printPdfs({ content: seed.content, site: edited }, { env });
    assert.match(again.stdout, /新生成 1，缓存 0/);
  });
});
