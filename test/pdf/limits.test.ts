// Each report has a time and a memory limit in the browser. A report that
// exceeds one fails as a content problem (exit code 1) naming the report; the
// other reports are still printed. The pathological pages are made by adding
// a script to built print pages (no report can carry one): one never finishes,
// one allocates without end.
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { before, describe, test } from 'node:test';
import { outcomeOf } from '../../src/print/pdf/outcome.ts';
import { RENDERER_HEAP_MB } from '../../src/print/pdf/limits.ts';
import { STACK_TRACE } from '../helpers/cli.ts';
import { printPdfs, renderInProcess, tamperedSite, type InProcessRun } from './helpers.ts';
import { seedTree, severalTree } from './shared-trees.ts';

describe('time limit per report (--timeout)', () => {
  test('a report that takes longer fails as a content problem, named, exit code 1', async () => {
    const run = await printPdfs(await seedTree(), { args: ['--timeout', '0.3'] });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(
      run.stderr,
      /✗ 2023\/kgxj（reports\/2023\/kgxj\.mdx）\[内容\]：排版超过 0\.3 秒仍未完成，已停止.*请检查是否有特别长的表格或段落/,
    );
    assert.match(run.stderr, /--timeout/);
    assert.match(run.stderr, /以上报告的 PDF 未生成：请按提示修改报告/);
    assert.doesNotMatch(run.stderr, STACK_TRACE);
    await assert.rejects(stat(run.pdf()));
  });
});

// The page that never finishes keeps a core busy until its limit, so it is
// printed on its own with a short one. The page that runs out of memory gets
// a limit long enough to reach the heap limit on a busy machine (at 15 s it
// sometimes did not, during a full npm test).
const HANG_TIMEOUT_S = 3;
const TIMEOUT_S = 30;

describe('a page that never finishes and one that runs out of memory', () => {
  let hang: InProcessRun;
  let rest: InProcessRun;
  before(async () => {
    const { content, site: built } = await severalTree();
    const site = await tamperedSite(
      built,
      {
        '2023/kgxj-b': (html) => html.replace('</head>', '<script src="/_astro/test-hang.js"></script></head>'),
        '2023/kgxj-c': (html) => html.replace('</head>', '<script src="/_astro/test-hog.js"></script></head>'),
      },
      {
        '_astro/test-hang.js': 'for (;;) {}\n',
        '_astro/test-hog.js': 'const hoard = [];\nfor (;;) hoard.push(new Array(1 << 20).fill(Math.random()));\n',
      },
    );
    [hang, rest] = await Promise.all([
      renderInProcess(content, site, { timeoutMs: HANG_TIMEOUT_S * 1000, only: ['2023/kgxj-b'] }),
      renderInProcess(content, site, { timeoutMs: TIMEOUT_S * 1000, only: ['2023/kgxj', '2023/kgxj-c'] }),
    ]);
  });

  test('the page that never finishes is stopped at the time limit, as a content problem', () => {
    const r = hang.byId('2023/kgxj-b');
    assert.equal(r.status, 'failed');
    assert.equal(r.failure?.kind, 'content');
    assert.match(r.failure?.message ?? '', new RegExp(`^排版超过 ${HANG_TIMEOUT_S} 秒仍未完成，已停止`));
    assert.equal(outcomeOf(hang.results).exitCode, 1);
  });

  test('the page that runs out of memory is stopped, as a content problem', () => {
    const r = rest.byId('2023/kgxj-c');
    assert.equal(r.status, 'failed');
    assert.equal(r.failure?.kind, 'content');
    assert.match(r.failure?.message ?? '', new RegExp(`内存超过了 ${RENDERER_HEAP_MB} MB 的上限`));
  });

  test('the other report is printed; the run ends with exit code 1', () => {
    assert.equal(rest.byId('2023/kgxj').status, 'rendered');
    assert.equal(outcomeOf(rest.results).exitCode, 1);
  });
});
