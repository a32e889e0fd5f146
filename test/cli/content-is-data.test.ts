// The build treats content as data end to end, in one real `npm run build`
// with PDFs of a report written to break things:
// - an image is copied as bytes under its hash (a PNG carrying a program is
//   never run); date-like texts and odd frontmatter lines that once crashed
//   Astro's own reader build; the page shows what the checks validated;
// - a title, a department name, a review conclusion or an acknowledgement
//   written to break out of HTML, XML, JSON, CSV or PDF metadata arrives
//   there as the same characters, never as markup, script or a spreadsheet
//   formula;
// - links to a server that answers differently each time are never fetched,
//   and a second build with every cache off gives the same bytes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { access, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { runScript } from '../helpers/cli.ts';
import { contentWith, ownSiteCache, readFixtures, SEED_REPORT, tempDir, type Edit } from '../helpers/content.ts';
import { readSiteFile, siteFiles } from '../e2e/helpers/site.ts';

const TITLE = `科工信局 </title><script>alert("t")</script> & "引号" '单引号' 报告`;
const DEPARTMENT = `保靖县<img src=x onerror=alert(1)>局`;
const CONCLUSION = `=HYPERLINK("http://evil.example","点我")`;
const REASON = `</aside><script>alert("ack")</script>说明`;

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const hostile = new Map((await readFixtures('hostile')).map((c) => [c.name, c.fixture]));
const edits = (name: string): Edit[] => hostile.get(name)?.edits ?? [];

/** A server that answers every request differently: if a build ever fetched from it, two builds would differ. */
async function fickleServer() {
  let hits = 0;
  const server = createServer((_req, res) => res.end(`answer ${++hits} ${Math.random()}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, hits: () => hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

let world: Awaited<ReturnType<typeof fickleServer>> | undefined;
let root = '';
let dist = '';
after(() => world?.close());
before(async () => {
  world = await fickleServer();
  const { origin } = world;
  root = await contentWith([
    {
      file: 'reports/2023/kgxj.mdx',
      append: `\n外部链接：[甲](${origin}/a)、<a href="${origin}/b">乙</a>。\n`,
    },
    ...edits('accept-png-polyglot'),
    ...edits('accept-image-png'),
    ...edits('accept-date-like-texts'),
    ...edits('accept-dashes-in-quoted-value'),
    ...edits('accept-safe-links'),
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
  dirs.push(root);
  dist = join(await tempDir(), 'dist');
  dirs.push(dist);
  const r = await runScript('build', ['--out', dist], { GONGKAI_CONTENT: root });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('images are copied as bytes, never run; texts that crashed the old reader build', async () => {
  await assert.rejects(access(join(root, 'PWNED')), 'the program inside the PNG never ran');

  const media = await readdir(join(dist, 'media'));
  assert.equal(media.length, 2);
  const html = await readFile(join(dist, 'reports/2023/kgxj/index.html'), 'utf8');
  const srcs = [...html.matchAll(/<img src="(\/media\/[0-9a-f]{20}\.png)" alt="单位印章">/g)].map((m) => m[1]);
  assert.equal(srcs.length, 2, 'both images on the page');
  for (const name of media) {
    const bytes = await readFile(join(dist, 'media', name));
    const sources = await Promise.all(['images/seal.png', 'images/印章.png'].map((f) => readFile(join(root, f))));
    assert.ok(
      sources.some((s) => s.equals(bytes)),
      `${name} holds the source bytes unchanged`,
    );
  }
  const assets = await readdir(join(dist, '_astro'));
  for (const asset of assets) assert.doesNotMatch(await readFile(join(dist, '_astro', asset), 'utf8'), /execSync/);

  assert.match(html, /<th scope="row">2024-01-01<\/th>/, 'a date-like indicator name is shown as written');
  assert.match(await readFile(join(dist, 'data/2023/kgxj.json'), 'utf8'), /---x（保财绩\[2024\]3 号） \+\+\+ 原件如此/);
  assert.match(html, /<a href="mailto:czj@example.gov.cn">邮件<\/a>/);

  const images = spawnSync('pdfimages', ['-list', join(dist, 'pdf/2023/kgxj.pdf')], { encoding: 'utf8' });
  assert.equal(images.status, 0, images.stderr);
  assert.ok(images.stdout.trim().split('\n').length >= 3, `the PDF carries the images:\n${images.stdout}`);
});

test('no page or feed contains the injected markup as elements', async () => {
  for (const file of await siteFiles(dist)) {
    if (!/\.(html|xml)$/.test(file)) continue; // JSON and CSV hold the characters as data, checked below
    const tree = fromHtml(await readSiteFile(dist, file));
    visit(tree, 'element', (el) => {
      assert.ok(!('onerror' in el.properties), `${file}: an injected onerror attribute`);
      if (el.tagName === 'script') assert.doesNotMatch(toString(el), /alert/, `${file}: an injected script`);
    });
    // Text nodes must still hold the characters (escaped in the source, intact once parsed).
    if (file.endsWith('/reports/2023/kgxj/index.html')) assert.ok(toString(tree).includes(TITLE));
  }
});

test('HTML shows the exact characters', async () => {
  const html = await readSiteFile(dist, '/reports/2023/kgxj/index.html');
  assert.match(
    html,
    /<h1[^>]*>科工信局 &lt;\/title&gt;&lt;script&gt;alert\(&quot;t&quot;\)&lt;\/script&gt; &amp; &quot;引号&quot;/,
  );
  assert.match(html, /<title>保靖县&lt;img src=x onerror=alert\(1\)&gt;局 2023 年度/);
  assert.match(html, /保靖县&lt;img src=x onerror=alert\(1\)&gt;局/);
});

test('JSON and the feed carry the strings unchanged', async () => {
  const json = JSON.parse(await readSiteFile(dist, '/data/2023/kgxj.json')) as Record<string, unknown>;
  assert.ok(JSON.stringify(json).includes(JSON.stringify(TITLE).slice(1, -1)));
  const feed = await readSiteFile(dist, '/feed.xml');
  assert.ok(
    feed.includes('科工信局 &lt;/title&gt;&lt;script&gt;') || feed.includes(`<![CDATA[${TITLE}`),
    feed.slice(0, 400),
  );
});

test('CSV defuses a cell that a spreadsheet would run', async () => {
  const csv = (await readFile(join(dist, 'data/reports.csv'), 'utf8')).slice(1);
  assert.ok(csv.includes(`"${TITLE.replaceAll('"', '""')}"`), 'the title is quoted as text');
  assert.ok(!/(^|,)=HYPERLINK/m.test(csv), 'no cell starts with =');
});

test('PDF metadata holds the title as text', () => {
  const info = spawnSync('pdfinfo', ['-enc', 'UTF-8', join(dist, 'pdf/2023/kgxj.pdf')], { encoding: 'utf8' });
  assert.equal(info.status, 0, info.stderr);
  assert.equal(/^Title:\s+(.*)$/m.exec(info.stdout)?.[1], TITLE);
  assert.equal(/^Author:\s+(.*)$/m.exec(info.stdout)?.[1], DEPARTMENT);
});

test('again with every cache off: the same bytes; the linked server was never asked', async () => {
  const again = join(await tempDir(), 'dist');
  dirs.push(again);
  // An empty site cache of its own: every part is built again, and none lands in the project's shared cache.
  const siteCache = await ownSiteCache();
  dirs.push(siteCache);
  const cold = {
    GONGKAI_CONTENT: root,
    GONGKAI_CHECK_CACHE: '0',
    GONGKAI_SITE_CACHE: siteCache,
    GONGKAI_PDF_CACHE: '0',
  };
  const r2 = await runScript('build', ['--out', again], cold);
  assert.equal(r2.status, 0, r2.stdout + r2.stderr);
  const sums = await Promise.all([dist, again].map((d) => readFile(join(d, 'SHA256SUMS'), 'utf8')));
  assert.equal(sums[1], sums[0]);
  assert.equal(world?.hits(), 0, 'no build or PDF fetched the linked server');
});
