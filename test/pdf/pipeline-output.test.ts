// The PDF as CI and staff get it: reproducible bytes with a SHA-256 manifest,
// metadata that stays text, and characters no print font has.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { contentWith, SEED_REPORT } from '../helpers/content.ts';
import { ANCHOR, copiesOfSeed } from './fixtures.ts';
import { manifestOf, type PdfRun, printPdfs, sha256 } from './helpers.ts';
import { links, pdfinfo } from './poppler.ts';
import { failingRun, FAILING } from './shared-trees.ts';

const TITLE = '科工信局 (2023) 报告 \\\\ ) /Author (伪造) <script>x</script>';

// One tree printed twice: the seed report with a link to this site, and a copy (kgxj-b) whose title has PDF and HTML syntax in it.
let first: PdfRun;
let second: PdfRun;
before(async () => {
  const content = await contentWith([
    // A link to this site is printed by way of the print server, on another port each run.
    { file: SEED_REPORT, replace: [ANCHOR, `另见[本站 2023 年度报告](/years/2023/)。\n\n${ANCHOR}`] },
    ...copiesOfSeed(['kgxj-b']),
    {
      file: 'reports/2023/kgxj-b.mdx',
      replace: ['title: 科工信局 2023 年度整体支出绩效自评报告', `title: '${TITLE}'`],
    },
  ]);
  first = await printPdfs(content);
  second = await printPdfs(content);
});

describe('reproducible output', () => {
  test('the same sources give the same bytes, recorded with their SHA-256', async () => {
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

describe('metadata from report text', () => {
  test('a title with PDF and HTML syntax in it stays text', () => {
    assert.equal(first.status, 0, first.stderr);
    const info = pdfinfo(first.pdf('2023/kgxj-b'));
    assert.equal(info.Title, TITLE);
    assert.equal(info.Author, '保靖县科技和工业信息化局');
  });
});

describe('characters no print font has', () => {
  test('would embed as Type 3: the report fails, naming the paragraph and the fallback font', async () => {
    // Chromium falls back to Debian's Noto CJK (OpenType/CFF), which embeds as Type 3.
    const run = await failingRun('pagedjs');
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /✗ 2023\/kgxj-c（reports\/2023\/kgxj-c\.mdx）\[内容\]：.*Type 3 轮廓：段落“我单位（한국어）未出现.*用了字体栈以外的 Noto/,
    );
    await assert.rejects(stat(run.pdf(FAILING.noFont)));
  });
});
