// One bad report among good ones fails alone, named; failures of the tool
// (no browser, bad flags) are told apart from content problems.
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import { runScript, STACK_TRACE } from '../helpers/cli.ts';
import { manifestOf, printPdfs, scratch } from './helpers.ts';
import { failingRun, FAILING, seedTree } from './shared-trees.ts';

for (const engine of ENGINES) {
  describe(`a report that cannot be laid out, engine ${engine}`, () => {
    test('fails with its name and the element; the other reports still get their PDF', async () => {
      const run = await failingRun(engine);
      assert.equal(run.status, 1, 'content problem: exit code 1');
      assert.match(run.stderr, /✗ 2023\/kgxj-b（reports\/2023\/kgxj-b\.mdx）\[内容\]：.*表格“测试列.*超出版心/);
      assert.match(run.stderr, /✗ 2023\/kgxj-c（reports\/2023\/kgxj-c\.mdx）\[内容\]：.*Type 3 轮廓/);
      assert.doesNotMatch(run.stderr, STACK_TRACE);
      assert.ok((await stat(run.pdf(FAILING.fine))).size > 0);
      await assert.rejects(stat(run.pdf(FAILING.wideTable)));
      await assert.rejects(stat(run.pdf(FAILING.noFont)));
      assert.deepEqual(Object.keys((await manifestOf(run.out)).reports), [FAILING.fine]);
    });
  });
}

describe('failures of the tool, not the content', () => {
  test('no browser: exit code 69 and a message that says so, without a stack trace', async () => {
    const tmp = await scratch();
    const run = await printPdfs(await seedTree(), { env: { GONGKAI_CHROMIUM: '/nonexistent/chromium', TMPDIR: tmp } });
    assert.equal(run.status, 69);
    assert.match(run.stderr, /错误：无法启动 Chromium（\/nonexistent\/chromium）：找不到这个程序/);
    assert.deepEqual(await readdir(tmp), [], 'no browser profile left behind in the temporary folder');
    assert.match(run.stderr, /GONGKAI_CHROMIUM/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
  });

  test('--site naming a site made from other content is refused before any PDF, exit code 1', async () => {
    const r = await runScript('pdf', ['--site', await scratch(), '--out', await scratch()]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /中没有 1 份报告的打印页（如 \/reports\/2023\/kgxj\/print\/）：它不是用当前的内容目录/);
    assert.doesNotMatch(r.stderr, /浏览器未能完成/);
    assert.doesNotMatch(r.stderr, STACK_TRACE);
  });

  for (const [args, message] of [
    [['--shard', '3/2'], /--shard 应写成 i\/n/],
    [['--engine', 'weasyprint'], /排版引擎应为 pagedjs 或 chromium/],
    [['--jobs', 'many'], /--jobs（同时排版的页面数）应为正数/],
    [['--pages'], /用法：npm run pdf/],
    [['--site', '/nonexistent/site'], /--site 指定的网站目录 \/nonexistent\/site 不存在：先生成网站/],
  ] as const) {
    test(`${args.join(' ')} is refused in Chinese, exit code 1`, async () => {
      const r = await runScript('pdf', [...args, '--out', await scratch()]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, STACK_TRACE);
    });
  }
});
