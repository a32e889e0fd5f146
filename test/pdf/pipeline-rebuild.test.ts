// npm run build with PDFs after one report changed: its print page is patched
// into the print part, only its PDF is printed again, and the site, PDFs
// included, is byte for byte a clean build's.
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { after, describe, test } from 'node:test';
import { editAndRebuild, rebuildDirs } from '../helpers/rebuild.ts';
import { scratch } from './helpers.ts';

after(() => Promise.all(rebuildDirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('npm run build, one report changed', () => {
  test('its print page and PDF are made again, nothing else; the same site as a clean build', async () => {
    const env = { GONGKAI_PDF_CACHE: await scratch() };
    const r = await editAndRebuild({ departments: 5, env, edit: 'paragraph', shows: 'pdf/manifest.json' });
    assert.match(r.log, /打印页 5 份报告（1 个部分，新构建 1，其中 1 个只重新生成改动的单位）/);
    assert.match(r.log, /新生成 1，缓存 4/);
    assert.match(r.log, /网站 1 个部分（新构建 1，其中 1 个只重新生成改动的单位，缓存 0）/);
    assert.ok(r.after !== r.before, 'the PDF manifest has the new PDF');
    // Both patches rendered with the bundle their part was built with (src/build/kept-renderer.ts).
    assert.equal(r.metrics['print.kept-renders'], 1);
    assert.equal(r.metrics['site.kept-renders'], 1);
    // The clean build shares the PDF cache: a print page that differed would give another PDF.
    assert.equal(r.rebuilt, r.clean);
  });
});
