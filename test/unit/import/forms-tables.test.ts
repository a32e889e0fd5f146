// Forms and tables as real reports have them: label/value lines become
// fields, never one glued paragraph; tables are read by their headers, with
// merged cells, and refused when their rows do not line up (the 预算执行率 =
// 10 % of the 分值 column must never happen again); every label variant of
// the registry is read, and a lookalike (政府采购执行率) is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureByLabel } from '../../../src/figures/labels.ts';
import { textBlocks } from '../../../src/import/document.ts';
import { findForms } from '../../../src/import/forms.ts';
import { plainTable, type SourceTable } from '../../../src/import/source-table.ts';
import { structure } from '../../../src/import/structure.ts';
import { analyseTable } from '../../../src/import/tables.ts';
import { findLabelledFigures } from '../../../src/source/labelled-figures.ts';

const fieldsOf = (text: string) => findForms(textBlocks(text));
const figures = (a: ReturnType<typeof analyseTable>) =>
  Object.fromEntries(a.candidates.map((c) => [c.figure.key.join('.'), `${c.value}${c.unit}`]));

test('label and value on alternating lines become “标签：值” fields; “标签：值” lines are fields too', () => {
  const { blocks, notes } = fieldsOf(
    '联系人\n张某\n联络电话\n0730-7800000\n人员编制\n128\n实有人数\n185人\n报告日期：2024年3月15日',
  );
  assert.deepEqual(
    blocks.map((b) => `${b.kind}:${b.text}`),
    [
      'field:联系人：张某',
      'field:联络电话：0730-7800000',
      'field:人员编制：128',
      'field:实有人数：185人',
      'field:报告日期：2024年3月15日',
    ],
  );
  assert.equal(notes.paired, 4);
  // In the body, each is a paragraph of its own: nothing is glued (the 联系人张某联络电话…).
  const s = structure(blocks);
  assert.equal(s.joins.length, 0);
  assert.equal(s.blocks.length, 5);
});

test('a flattened table row pairs labels with values only when the counts agree and every figure gets a number', () => {
  const ok = fieldsOf('年初预算数\n全年预算数\n全年执行数\n366.95\n825.75\n825.75');
  assert.deepEqual(
    ok.blocks.map((b) => b.text),
    ['年初预算数：366.95', '全年预算数：825.75', '全年执行数：825.75'],
  );
  // Three labels, two values: a cell went missing in the copy. Nothing is paired by position.
  const short = fieldsOf('年初预算数\n全年预算数\n全年执行数\n366.95\n825.75\n二、绩效情况');
  assert.deepEqual(
    short.blocks.map((b) => b.kind),
    ['text', 'text', 'text', 'text', 'text', 'text'],
  );
  assert.match(
    short.notes.refused[0]?.reason ?? '',
    /3 个标签（年初预算数、全年预算数、全年执行数）之后只有 2 个能与之对应的值/,
  );
  // A figure's label followed by a word (the next row's label) is not its value.
  assert.deepEqual(
    fieldsOf('年初预算数\n合计\n366.95').blocks.map((b) => b.kind),
    ['text', 'text', 'text'],
  );
});

test('paragraphs are joined only on evidence: a page break or page number, a cut clause, a numbered run', () => {
  const joined = structure(
    textBlocks('1、推进高标准农田建设，完成年度建设任务的\n— 3 —\n百分之九十五以上。\n2、下一项。'),
  );
  assert.deepEqual(
    joined.blocks.map((b) => ('text' in b ? b.text : '')),
    ['1、推进高标准农田建设，完成年度建设任务的百分之九十五以上。', '2、下一项。'],
  );
  assert.equal(joined.joins[0]?.why, 'page');
  assert.equal(joined.pageMarks, 1);
  const feed = structure(textBlocks('我局积极组织开展各项工作，取得了\f良好成效。'));
  assert.equal(feed.blocks.length, 1);
  assert.equal(feed.joins[0]?.why, 'page');
  // Short lines without a full stop (a form, a list of names) stay apart: no evidence of a break.
  const apart = structure(textBlocks('测试县财政局（制）\n一、部门基本概况\n主要股室\n办公室\n财务股'));
  assert.equal(apart.joins.length, 0);
  assert.deepEqual(
    apart.blocks.map((b) => ('text' in b ? b.text : '')),
    ['测试县财政局（制）', '一、部门基本概况', '主要股室', '办公室', '财务股'],
  );
});

test('a score sheet is read by its header: 分值 is never 预算执行率 (the 10 % of the review)', () => {
  const sheet = analyseTable(
    plainTable([
      ['一级指标', '二级指标', '三级指标', '分值', '得分', '年度指标值', '实际完成值'],
      ['投入', '预算执行', '预算执行率', '10', '10', '100%', '100%'],
      ['', '', '政府采购执行率', '10', '10', '100%', '72.74%'],
      ['合计', '', '', '20', '20', '', ''],
    ]),
    '第 5 行',
  );
  assert.equal(sheet.kind, 'score-sheet');
  assert.deepEqual(figures(sheet), { 'budget.execution_rate': '100%', score: '20分' }, 'from 实际完成值 and 合计 only');
  assert.deepEqual(sheet.scoreSheet?.[1], {
    level1: '投入',
    level2: '预算执行',
    name: '政府采购执行率',
    weight: '10',
    score: '10',
    target: '100%',
    actual: '72.74%',
    where: '第 5 行',
  });
  // No 实际完成值 column: the 10 in the row of 预算执行率 is a weight, not a rate.
  const bare = analyseTable(
    plainTable([
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['投入', '预算执行', '预算执行率', '10', '10'],
    ]),
    '第 1 行',
  );
  assert.deepEqual(figures(bare), {});
});

test('a table whose header lost a merged cell is refused, its figures listed and never taken', () => {
  const refused = analyseTable(
    plainTable([
      ['指标', '分值', '得分', '完成情况'],
      ['投入', '预算执行', '预算执行率', '10', '10', '100%'],
    ]),
    '第 9 行',
  );
  assert.equal(refused.kind, 'refused');
  assert.deepEqual(refused.candidates, []);
  assert.equal(refused.unused[0]?.figure.key.join('.'), 'budget.execution_rate');
  assert.match(
    refused.problems[0] ?? '',
    /原件第 9 行的表格各行的格数不一致（第 2 行有 6 格，第 1 行只有 4 格（纯文本表格没有合并单元格的信息））/,
  );
});

test('merged header cells name every column under them and give them their unit (Word spans and text alike)', () => {
  const merged: SourceTable = {
    spans: true,
    rows: [
      [
        { text: '项目', colSpan: 1, rowSpan: 2 },
        { text: '预算执行情况（万元）', colSpan: 3, rowSpan: 1 },
        { text: '执行率', colSpan: 1, rowSpan: 2 },
      ],
      ['年初预算数', '全年预算数', '全年执行数'].map((text) => ({ text, colSpan: 1, rowSpan: 1 })),
      ['合计', '1,024.50', '1,180.00', '1,162.30', '98.5%'].map((text) => ({ text, colSpan: 1, rowSpan: 1 })),
      ['基本支出', '700.00', '760.20', '760.20', '100%'].map((text) => ({ text, colSpan: 1, rowSpan: 1 })),
    ],
  };
  const expected = {
    'budget.initial': '1024.50万元',
    'budget.total': '1180.00万元',
    'budget.final': '1162.30万元',
    'budget.execution_rate': '98.5%',
    'budget.basic': '760.20万元',
  };
  assert.deepEqual(figures(analyseTable(merged, '第 3 段')), expected);
  const text = plainTable([
    ['项目', '预算执行情况（万元）', '', '', '执行率'],
    ['', '年初预算数', '全年预算数', '全年执行数', ''],
    ['合计', '1,024.50', '1,180.00', '1,162.30', '98.5%'],
    ['基本支出', '700.00', '760.20', '760.20', '100%'],
  ]);
  assert.deepEqual(figures(analyseTable(text, '第 3 行')), expected);
  // Without any unit there is no amount: never a guess at 万元.
  const noUnit = plainTable([
    ['项目', '年初预算数', '全年预算数'],
    ['合计', '1024.50', '1180.00'],
  ]);
  assert.deepEqual(figures(analyseTable(noUnit, '第 1 行')), {});
  assert.deepEqual(figures(analyseTable(noUnit, '第 1 行', '万元')), {
    'budget.initial': '1024.50万元',
    'budget.total': '1180.00万元',
  });
});

test('a form table gives each label the cell to its right; a merged value cell is one value', () => {
  const form: SourceTable = {
    spans: true,
    rows: [
      ['联系人', '李明', '人员编制', '128'].map((text) => ({ text, colSpan: 1, rowSpan: 1 })),
      [
        { text: '职能职责概述', colSpan: 1, rowSpan: 1 },
        { text: '负责全县农业农村工作。', colSpan: 3, rowSpan: 1 },
      ],
    ],
  };
  const a = analyseTable(form, '第 2 段');
  assert.equal(a.kind, 'form');
  assert.equal(a.pureForm, true);
  assert.deepEqual(a.fields, [
    { label: '联系人', value: '李明' },
    { label: '人员编制', value: '128' },
    { label: '职能职责概述', value: '负责全县农业农村工作。' },
  ]);
  assert.deepEqual(figures(a), { 'staffing.authorized': '128' });
});

test('one registry of label variants; short labels only as whole cells; lookalikes are other figures', () => {
  const key = (label: string) => figureByLabel(label)?.figure.key.join('.');
  for (const l of ['人员编制', '核定编制数', '编制人数']) assert.equal(key(l), 'staffing.authorized', l);
  for (const l of ['实有人数', '实有在职人员', '在职人数']) assert.equal(key(l), 'staffing.actual', l);
  for (const l of ['年初预算数', '年初预算批复数']) assert.equal(key(l), 'budget.initial', l);
  for (const l of ['全年预算数', '调整后预算数']) assert.equal(key(l), 'budget.total', l);
  for (const l of ['全年支出数', '决算数', '全年执行数', '预算执行数', '支出合计'])
    assert.equal(key(l), 'budget.final', l);
  for (const l of ['自评得分', '自评总分', '综合评分', '综合得分', '总分']) assert.equal(key(l), 'score', l);
  assert.equal(key('执行率（%）'), 'budget.execution_rate');
  assert.equal(key('人员经费'), 'budget.personnel');
  assert.equal(key('公用经费'), 'budget.public');
  const prose = (t: string) => findLabelledFigures(t).map((f) => `${f.figure.key.join('.')}=${f.value}`);
  assert.deepEqual(prose('政府采购执行率72.74%，项目支出执行率95%，上年决算数800万元'), []);
  assert.deepEqual(prose('执行率100%，总分100分'), [], '执行率 and 总分 alone are read only in forms');
  assert.deepEqual(
    prose('收入合计1,256.80万元，支出合计1,198.35万元，基本支出合计900万元'),
    ['budget.income=1256.80', 'budget.final=1198.35', 'budget.basic=900'],
    '“基本支出合计” is 基本支出, not the 支出合计 that is 决算数',
  );
});
