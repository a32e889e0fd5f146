// Report text is data in every output: a title, a department name, a review
// conclusion or an acknowledgement written to break out of HTML, XML, JSON,
// CSV or PDF metadata arrives there as the same characters, never as markup,
// script or a spreadsheet formula.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { contentWith, SEED_REPORT } from '../helpers/content.ts';
import { buildSite, readSiteFile, siteFiles, type BuiltSite } from './helpers/site.ts';

const TITLE = `科工信局 </title><script>alert("t")</script> & "引号" '单引号' 报告`;
const DEPARTMENT = `保靖县<img src=x onerror=alert(1)>局`;
const CONCLUSION = `=HYPERLINK("http://evil.example","点我")`;
const REASON = `</aside><script>alert("ack")</script>说明`;

let site: BuiltSite;
let root = '';
before(async () => {
  root = await contentWith([
    {
      file: SEED_REPORT,
      replace: ['title: 科工信局 2023 年度整体支出绩效自评报告', `title: ${JSON.stringify(TITLE)}`],
    },
    {
      file: 'departments/kgxj.yaml',
      replace: ['name: 保靖县科技和工业信息化局', `name: ${JSON.stringify(DEPARTMENT)}`],
    },
    {
      file: SEED_REPORT,
      replace: ['    conclusion: 盖章 负责人签字： 年 月 日', `    conclusion: ${JSON.stringify(CONCLUSION)}`],
    },
    {
      file: SEED_REPORT,
      replace: [
        '    reason: 原文首段“进一步提高预算绩效管理水平和，”中“和”后直接接逗号，按原文照录。',
        `    reason: ${JSON.stringify(REASON)}`,
      ],
    },
  ]);
  site = await buildSite(root, { GONGKAI_PDF: '1' });
});

test('no page or feed contains the injected markup as elements', async () => {
  for (const file of await siteFiles(site.dir)) {
    if (!/\.(html|xml)$/.test(file)) continue; // JSON and CSV hold the characters as data, checked below
    const tree = fromHtml(await readSiteFile(site.dir, file));
    visit(tree, 'element', (el) => {
      assert.ok(!('onerror' in el.properties), `${file}: an injected onerror attribute`);
      if (el.tagName === 'script') assert.doesNotMatch(toString(el), /alert/, `${file}: an injected script`);
    });
    // Text nodes must still hold the characters (escaped in the source, intact once parsed).
    if (file.endsWith('/reports/2023/kgxj/index.html')) assert.ok(toString(tree).includes(TITLE));
  }
});

test('HTML shows the exact characters', async () => {
  const html = await readSiteFile(site.dir, '/reports/2023/kgxj/index.html');
  assert.match(
    html,
    /<h1[^>]*>科工信局 &lt;\/title&gt;&lt;script&gt;alert\(&quot;t&quot;\)&lt;\/script&gt; &amp; &quot;引号&quot;/,
  );
  assert.match(html, /<title>保靖县&lt;img src=x onerror=alert\(1\)&gt;局 2023 年度/);
  assert.match(html, /保靖县&lt;img src=x onerror=alert\(1\)&gt;局/);
});

test('JSON and the feed carry the strings unchanged', async () => {
  const json = JSON.parse(await readSiteFile(site.dir, '/data/2023/kgxj.json')) as Record<string, unknown>;
  assert.ok(JSON.stringify(json).includes(JSON.stringify(TITLE).slice(1, -1)));
  const feed = await readSiteFile(site.dir, '/feed.xml');
  assert.ok(
    feed.includes('科工信局 &lt;/title&gt;&lt;script&gt;') || feed.includes(`<![CDATA[${TITLE}`),
    feed.slice(0, 400),
  );
});

test('CSV defuses a cell that a spreadsheet would run', async () => {
  const csv = (await readFile(join(site.dir, 'data/reports.csv'), 'utf8')).slice(1);
  assert.ok(csv.includes(`"${TITLE.replaceAll('"', '""')}"`), 'the title is quoted as text');
  assert.ok(!/(^|,)=HYPERLINK/m.test(csv), 'no cell starts with =');
});

test('PDF metadata holds the title as text', () => {
  const info = spawnSync('pdfinfo', ['-enc', 'UTF-8', join(site.dir, 'pdf/2023/kgxj.pdf')], { encoding: 'utf8' });
  assert.equal(info.status, 0, info.stderr);
  assert.equal(/^Title:\s+(.*)$/m.exec(info.stdout)?.[1], TITLE);
  assert.equal(/^Author:\s+(.*)$/m.exec(info.stdout)?.[1], DEPARTMENT);
});
