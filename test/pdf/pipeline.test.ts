// The PDF pipeline as CI and staff use it: reproducible bytes with a SHA-256
// manifest, the cache, shards that cover every report once and merge, one
// bad report among good ones, browser failures, bad flags, and the build step.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import type { Manifest } from '../../src/print/pdf/pdf-manifest.ts';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { contentWith, SEED_CONTENT, SEED_REPORT } from '../helpers/content.ts';
import { ANCHOR, several, withWideTable } from './fixtures.ts';
import { printPdfs, scratch } from './helpers.ts';
import { links, pdfinfo } from './poppler.ts';

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
const manifestOf = async (out: string, name = 'manifest.json') =>
  JSON.parse(await readFile(join(out, 'pdf', name), 'utf8')) as Manifest;

describe('reproducible output', () => {
  test('the same sources give the same bytes, recorded with their SHA-256', async () => {
    // A link to this site is printed by way of the print server, on another port each run.
    const content = await contentWith([
      { file: SEED_REPORT, replace: [ANCHOR, `另见[本站 2023 年度报告](/years/2023/)。\n\n${ANCHOR}`] },
    ]);
    const first = await printPdfs(content);
    const second = await printPdfs(content);
    assert.equal(first.status, 0, first.stderr);
    const [a, b] = await Promise.all([readFile(first.pdf()), readFile(second.pdf())]);
    assert.ok(a.equals(b), 'byte-identical PDFs');
    assert.deepEqual(
      (await links(first.pdf())).map((l) => l.uri),
      ['https://gongkai.example.cn/years/2023/'],
    );
    const entry = (await manifestOf(first.out)).reports['2023/kgxj'];
    assert.equal(entry?.sha256, await sha256(first.pdf()));
    assert.equal(entry?.bytes, a.length);
    assert.equal(entry?.file, '2023/kgxj.pdf');
    assert.ok((entry?.pages ?? 0) >= 5);
    assert.deepEqual(
      await readFile(join(first.out, 'pdf/manifest.json')),
      await readFile(join(second.out, 'pdf/manifest.json')),
    );
  });
});

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

describe('shards', () => {
  test('--shard i/n splits the reports; merging refuses an incomplete set, then copied together and merged, every report is there once', async () => {
    const content = await several(['kgxj-b', 'kgxj-c']);
    const one = await printPdfs(content, { args: ['--shard', '1/2'] });
    const two = await printPdfs(content, { args: ['--shard', '2/2'] });
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

for (const engine of ENGINES) {
  describe(`a report that cannot be laid out, engine ${engine}`, () => {
    test('fails with its name and the element; the other reports still get their PDF', async () => {
      const run = await printPdfs(await withWideTable(), { engine });
      assert.equal(run.status, 1, 'content problem: exit code 1');
      assert.match(run.stderr, /✗ 2023\/kgxj-b（reports\/2023\/kgxj-b\.mdx）\[内容\]：.*表格“测试列.*超出版心/);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
      assert.ok((await stat(run.pdf('2023/kgxj'))).size > 0);
      await assert.rejects(stat(run.pdf('2023/kgxj-b')));
      assert.deepEqual(Object.keys((await manifestOf(run.out)).reports), ['2023/kgxj']);
    });
  });
}

describe('failures of the tool, not the content', () => {
  test('no browser: exit code 69 and a message that says so, without a stack trace', async () => {
    const run = await printPdfs(SEED_CONTENT, { env: { GONGKAI_CHROMIUM: '/nonexistent/chromium' } });
    assert.equal(run.status, 69);
    assert.match(run.stderr, /错误：无法启动 Chromium（\/nonexistent\/chromium）/);
    assert.match(run.stderr, /GONGKAI_CHROMIUM/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  });

  for (const [args, message] of [
    [['--shard', '3/2'], /--shard 应写成 i\/n/],
    [['--engine', 'weasyprint'], /排版引擎应为 pagedjs 或 chromium/],
    [['--jobs', 'many'], /--jobs（同时排版的页面数）应为正数/],
    [['--pages'], /用法：npm run pdf/],
  ] as const) {
    test(`${args.join(' ')} is refused in Chinese, exit code 1`, async () => {
      const r = await runScript('pdf', [...args, '--out', await scratch()]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, STACK_TRACE);
    });
  }
});

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
    const out = join(await scratch(), 'dist');
    const r = await runScript('build', ['--out', out], { GONGKAI_PDF: '0' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /－ 打印版：已跳过（GONGKAI_PDF=0）/);
    await assert.rejects(stat(join(out, 'pdf')));
    assert.ok((await stat(join(out, 'reports/2023/kgxj/print/index.html'))).isFile());
  });

  test('a report whose PDF fails fails the build, and nothing is published', async () => {
    const out = join(await scratch(), 'dist');
    const r = await runScript('build', ['--out', out], {
      GONGKAI_CONTENT: await withWideTable(),
      GONGKAI_PDF_CACHE: '0',
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /PDF 未能生成，网站未发布/);
    assert.match(r.stderr, /2023\/kgxj-b/);
    await assert.rejects(stat(out));
  });
});

describe('metadata from report text', () => {
  test('a title with PDF and HTML syntax in it stays text', async () => {
    const title = '科工信局 (2023) 报告 \\\\ ) /Author (伪造) <script>x</script>';
    const content = await contentWith([
      { file: SEED_REPORT, replace: ['title: 科工信局 2023 年度整体支出绩效自评报告', `title: '${title}'`] },
    ]);
    const run = await printPdfs(content);
    assert.equal(run.status, 0, run.stderr);
    const info = pdfinfo(run.pdf());
    assert.equal(info.Title, title);
    assert.equal(info.Author, '保靖县科技和工业信息化局');
  });
});

describe('characters no print font has', () => {
  test('would embed as Type 3: the report fails, naming the paragraph and the fallback font', async () => {
    // Hangul is in none of the default print fonts; Chromium falls back to
    // Debian's Noto CJK (OpenType/CFF), which embeds as Type 3.
    const content = await contentWith([{ file: SEED_REPORT, replace: ['我单位未出现', '我单位（한국어）未出现'] }]);
    const run = await printPdfs(content);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /Type 3 轮廓：段落“我单位（한국어）未出现.*用了字体栈以外的 Noto/);
    await assert.rejects(stat(run.pdf()));
  });
});
