// npm run build with PDFs: the report page links its PDF; GONGKAI_PDF=0 skips
// them; a report whose PDF fails stops the build and nothing is published.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runScript } from '../helpers/cli.ts';
import { sharedSite } from '../e2e/helpers/site.ts';
import { manifestOf, scratch } from './helpers.ts';
import { failingTree } from './shared-trees.ts';

describe('npm run build', () => {
  // The report page links its PDF from the site input (CatalogReport.pdf: bytes and pages): the
  // build makes the print pages, then the PDFs, then the web pages.
  test('writes the PDF with its manifest, and the report page links it with its page count and size', async () => {
    const out = join(await scratch(), 'dist');
    const r = await runScript('build', ['--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /✓ 打印版 1 份 PDF/);
    const { size } = await stat(join(out, 'pdf/2023/kgxj.pdf'));
    const manifest = await manifestOf(out);
    assert.equal(manifest.reports['2023/kgxj']?.bytes, size);
    const page = await readFile(join(out, 'reports/2023/kgxj/index.html'), 'utf8');
    const pages = Number(manifest.reports['2023/kgxj']?.pages);
    assert.match(
      page,
      new RegExp(
        `<a href="/pdf/2023/kgxj\\.pdf" data-pdf="2023/kgxj">\\s*报告全文（PDF，${pages}页，${Math.round(size / 1024)}KB）\\s*</a>`,
      ),
    );
    assert.match(await readFile(join(out, 'SHA256SUMS'), 'utf8'), /^[0-9a-f]{64} {2}pdf\/2023\/kgxj\.pdf$/m);
  });

  test('GONGKAI_PDF=0 skips the PDFs', async () => {
    // The website tests' seed site is built so.
    const { dir: out, log } = await sharedSite('seed');
    assert.match(log, /－ 打印版：已跳过（GONGKAI_PDF=0）/);
    await assert.rejects(stat(join(out, 'pdf')));
    assert.ok((await stat(join(out, 'reports/2023/kgxj/print/index.html'))).isFile());
  });

  test('a report whose PDF fails fails the build, and nothing is published', async () => {
    const out = join(await scratch(), 'dist');
    const r = await runScript('build', ['--out', out], {
      GONGKAI_CONTENT: (await failingTree()).content,
      GONGKAI_PDF_CACHE: '0',
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /PDF 未能生成，网站未发布/);
    assert.match(r.stderr, /2023\/kgxj-b/);
    await assert.rejects(stat(out));
  });
});
