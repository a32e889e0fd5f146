import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { SEED_CONTENT } from '../../helpers/content.ts';
import { mayHoldBareAddress, parseBody } from '../../../src/source/markdown.ts';

// remark-gfm as published, with its search for bare addresses in every body:
// what parseBody must return, whether or not it skipped the search.
const gfm = unified().use(remarkParse).use(remarkGfm).use(remarkMdx).freeze();

function sameAsGfm(text: string) {
  const ours = parseBody(text, 'mdx');
  assert.ok(ours.ok);
  assert.deepEqual(ours.tree, gfm.parse(text));
  return ours.tree;
}

const linkUrls = (text: string) => {
  const urls: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
    if (node.type === 'link' && node.url) urls.push(node.url);
    for (const child of node.children ?? []) walk(child as typeof node);
  };
  walk(sameAsGfm(text));
  return urls;
};

test('bare addresses still become links, however they are written', () => {
  const cases: [string, string[]][] = [
    ['详见县政府网站 www.baojing.gov.cn ，或来电。', ['http://www.baojing.gov.cn']],
    ['公开网址：https://www.baojing.gov.cn/zwgk/ 。', ['https://www.baojing.gov.cn/zwgk/']],
    ['公开网址：HTTP://WWW.BAOJING.GOV.CN', ['HTTP://WWW.BAOJING.GOV.CN']],
    ['联系邮箱：kgxj@163.com', ['mailto:kgxj@163.com']],
    ['转义的点：www\\.baojing.gov.cn', ['http://www.baojing.gov.cn']],
    ['字符引用：kgxj&#64;163.com', ['mailto:kgxj@163.com']],
    ['| 网址 |\n| --- |\n| www.baojing.gov.cn |', ['http://www.baojing.gov.cn']],
  ];
  for (const [text, urls] of cases) {
    assert.ok(mayHoldBareAddress(text), text);
    assert.deepEqual(linkUrls(text), urls, text);
  }
});

test('a body without “@”, “&”, “http://”, “https://” or “www.” is parsed to the same tree without the search', async () => {
  const seed = await readFile(join(SEED_CONTENT, 'reports/2023/kgxj.mdx'), 'utf8');
  const body = seed.replace(/^---\n[\s\S]*?\n---\n/, '');
  const bodies = [
    body,
    '## 一、基本情况\n\n内设**股室**10个，~~旧称~~。[^1]\n\n[^1]: 见附表。\n\n- [x] 已完成\n- [ ] 未完成\n',
    '| 项目 | 金额（万元） |\n| :--- | ---: |\n| 基本支出 | 520.97 |\n| 项目支出 | 304.78 |\n',
    '网址写在链接里：[县政府](/reports/2023/kgxj/)；ftp 与 wwwroot 不是地址；mail 也不是。',
  ];
  for (const text of bodies) {
    assert.equal(mayHoldBareAddress(text), false, text.slice(0, 40));
    sameAsGfm(text);
  }
});
