// The renderer on its own, without the checks in front of it: whatever a body
// holds, the HTML has only what the allow-list admits. The checks reject these
// inputs first; this is the second lock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderBody } from '../../../src/render/render-body.ts';
import { parseBody } from '../../../src/source/markdown.ts';
import type { MediaFile } from '../../../src/source/media.ts';
import { seedFile } from '../../helpers/seed.ts';

const seed = await seedFile();
const data = seed.data!;
const FILE = 'reports/2023/kgxj.mdx';

function html(body: string, kind: 'md' | 'mdx' = 'mdx', media: MediaFile[] = []): string {
  const parsed = parseBody(body, kind);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem.message);
  return renderBody(parsed.tree, { file: FILE, data, media }).html;
}

test('the seed body renders its figures, duties and headings', () => {
  const out = renderBody(seed.body!, { file: FILE, data, media: [] });
  assert.match(out.html, /<ol class="duties"><li><span class="duties__n">1、<\/span>贯彻落实/);
  assert.match(out.html, /<h2 id="一部门基本情况">一、部门基本情况<\/h2>/);
  assert.deepEqual(out.headings[0], { depth: 2, slug: '一部门基本情况', text: '一、部门基本情况' });
  assert.equal(
    html('决算<Fig k="budget.final" />。'),
    '<p>决算<data value="825.75" data-fig="budget.final">825.75万元</data>。</p>',
  );
});

test('code and scripts never reach the HTML', () => {
  const hostile = [
    'import x from "y"\n\nexport const a = process.env\n\n正文',
    '合计{process.exit(1)}。',
    '<script>{"alert(1)"}</script>',
    '<iframe src="https://phish.example/" />',
    '<span onMouseOver="alert(1)" style="background:url(https://t.example/)">文字</span>',
    '<Chart data="x" />',
    '<a href="x" onclick="alert(1)" target="_blank">链接</a>',
  ];
  for (const body of hostile) {
    const out = html(body);
    assert.doesNotMatch(out, /<script|<iframe|onmouseover|onclick|style=|process|target=|<chart/i, `${body} → ${out}`);
  }
  assert.equal(html("写成 {'{'} 和 {3}。{/* 注释 */}{true}"), '<p>写成 { 和 3。</p>');
});

test('raw HTML in a .md report is dropped, comments and all; <br> stays', () => {
  const out = html(
    '第一行<br>第二行\n\n<!-- 录入说明 --><meta http-equiv="refresh" content="0;url=https://phish.example/"><script>alert(1)</script><!-- x -->\n\n<!-- a --!><script>alert(2)</script>\n',
    'md',
  );
  assert.equal(out, '<p>第一行<br>第二行</p>');
});

test('links and images outside the URL policy lose their address, never their words', () => {
  const out = html(
    [
      '[一](javascript:alert(1)) <a href={\'javascript:alert(2)\'}>二</a> <a href="file:///etc/passwd">三</a>',
      '[四][r] [五](//phish.example/) <a href="/\\host/x">六</a>',
      '![七](https://t.example/p.png) ![八][i] <img src={\'//t.example/p.png\'} alt="九" /> ![十](../../assets/seal.mjs)',
      '',
      '[r]: vbscript:x',
      '[i]: http://host/x.png',
    ].join('\n'),
  );
  assert.doesNotMatch(out, /href|src|<img/, out);
  for (const words of ['一', '二', '三', '四', '五', '六']) assert.ok(out.includes(words), words);
});

test('allowed links keep their address; content images point at their hashed copy', () => {
  const media: MediaFile[] = [{ path: 'images/印章.png', name: 'abc123.png', mime: 'image/png', bytes: 70 }];
  const out = html(
    '[局](https://www.example.gov.cn/a?b=1&c=2) [信](mailto:a@example.gov.cn) [站](/reports/2022/kgxj/) ![印章](../../images/印章.png) ![缺](../../images/缺.png)',
    'mdx',
    media,
  );
  assert.match(out, /<a href="https:\/\/www.example.gov.cn\/a\?b=1&#x26;c=2">局<\/a>/);
  assert.match(out, /<a href="mailto:a@example.gov.cn">信<\/a>/);
  assert.match(out, /<a href="\/reports\/2022\/kgxj\/">站<\/a>/);
  assert.match(out, /<img src="\/media\/abc123.png" alt="印章">/);
  assert.doesNotMatch(out, /缺\.png/);
});

test('GFM tables, footnotes and emphasis render; ids cannot clobber the page', () => {
  const out = html('| 项目 | 金额 |\n| :-- | --: |\n| 基本 | **520.97** |\n\n正文[^1]。\n\n[^1]: 原文如此。\n');
  assert.match(out, /<th align="left">项目<\/th>\n<th align="right">金额<\/th>/);
  assert.match(out, /<strong>520.97<\/strong>/);
  assert.match(out, /<li id="user-content-fn-1">/);
  assert.match(out, /aria-describedby="footnote-label"/);
  assert.match(out, /<h2 class="visually-hidden" id="footnote-label">注释<\/h2>/);
  assert.doesNotMatch(out, /id="(?!user-content-|footnote-label)[^"]*"/);
});
