import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBody } from '../../../src/source/markdown.ts';
import { lineIndex } from '../../../src/source/position.ts';
import { OBJECT_MARK, proseBlocks, sentences } from '../../../src/source/prose.ts';
import { findLabelledFigures } from '../../../src/source/labelled-figures.ts';

function blocksOf(text: string) {
  const r = parseBody(text, 'mdx');
  assert.ok(r.ok);
  return proseBlocks(r.tree);
}

test('blocks know their section and map text back to the source', () => {
  const text =
    '## 一、部门基本情况\n\n### （一）机构\n\n内设**股室**10个。编制23人；实有21人。\n\n| 项目 | 金额 |\n| --- | --- |\n| 基本支出 | 520.97 |\n';
  const blocks = blocksOf(text);
  const para = blocks.find((b) => b.kind === 'paragraph');
  assert.ok(para);
  assert.equal(para.text, '内设股室10个。编制23人；实有21人。');
  assert.deepEqual(para.section, ['一、部门基本情况', '（一）机构']);
  const at = lineIndex(text)(para.offsetOf(para.text.indexOf('10个')));
  assert.deepEqual(at, { line: 5, column: 9 });
  assert.deepEqual(
    sentences(para).map((s) => s.text),
    ['内设股室10个。', '编制23人；', '实有21人。'],
  );
  assert.deepEqual(
    blocks.filter((b) => b.kind === 'cell').map((b) => b.text),
    ['项目', '金额', '基本支出', '520.97'],
  );
});

test('inline components stand in as one object character', () => {
  const [para] = blocksOf('决算数为<Fig k="budget.final" />。\n');
  assert.equal(para?.text, `决算数为${OBJECT_MARK}。`);
});

test('MDX syntax errors carry a position and a Chinese explanation', () => {
  const r = parseBody('正文\n\n<Fig k="x">\n\n更多\n', 'mdx');
  assert.equal(r.ok, false);
  assert.deepEqual(r.ok ? null : r.problem.at, { line: 3, column: 1 });
  assert.match(r.ok ? '' : r.problem.message, /没有闭合/);
  const lt = parseBody('增幅<5%的项目\n', 'mdx');
  assert.equal(lt.ok, false);
  assert.match(lt.ok ? '' : lt.problem.message, /\\</);
});

test('labelled figures are found with their units, longest label first', () => {
  const found = findLabelledFigures(
    '年初预算批复数366.95万元，全年预算数825.75万元，年终决算数825.75万元，预算总体执行率为100%。本次绩效自评金额共计827.75万元。编制人数23人，年末实有人数21人，自评得分 98 分。上年决算数700万元。',
  );
  assert.deepEqual(
    found.map((f) => [f.figure.key.join('.'), f.value, f.unit]),
    [
      ['budget.initial', '366.95', '万元'],
      ['budget.total', '825.75', '万元'],
      ['budget.final', '825.75', '万元'],
      ['budget.execution_rate', '100', '%'],
      ['budget.evaluated', '827.75', '万元'],
      ['staffing.authorized', '23', '人'],
      ['staffing.actual', '21', '人'],
      ['score', '98', '分'],
    ],
  );
});

test('labelled figures accept full-width digits and separators, and skip unlabelled numbers', () => {
  const found = findLabelledFigures('年终决算数１,１０２.８万元；项目支出总额的100%；项目支出无本级资金。');
  assert.deepEqual(
    found.map((f) => [f.figure.key.join('.'), f.value]),
    [['budget.final', '1102.8']],
  );
});
