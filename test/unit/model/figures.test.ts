// Derived figures the pages show: totals across units, computed rates,
// chart proportions. All exact decimals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart } from '../../../src/model/charts.ts';
import { indicatorRow } from '../../../src/model/indicator-rows.ts';
import { shownGrade } from '../../../src/figures/derived.ts';
import { keyFigures } from '../../../src/model/key-figures.ts';
import { moneyScale, totals } from '../../../src/model/summaries.ts';
import { inWanYuan } from '../../../src/figures/money.ts';
import { seedInput } from '../../helpers/seed.ts';

test('key figures read as published, named as in reports', async () => {
  const { data } = await seedInput();
  assert.deepEqual(
    keyFigures(data).map((f) => `${f.label} ${f.shown}`),
    [
      '全年预算数 825.75万元',
      '年终决算数 825.75万元',
      '预算执行率 100%',
      '基本支出 520.97万元',
      '项目支出 304.78万元',
      '自评得分 98分',
    ],
  );
  // The seed's original states no grade: it is derived from the score, and says so.
  assert.deepEqual(shownGrade(data), { grade: '优', source: 'derived', shown: '优（按得分推算）' });
  const { data: stated } = await seedInput((d) => (d.grade = '优'));
  assert.deepEqual(shownGrade(stated), { grade: '优', source: 'stated', shown: '优' });
  const { data: unstated } = await seedInput((d) => (d.score = '85'));
  assert.equal(shownGrade(unstated)?.shown, '良（按得分推算）');
  const { data: nothing } = await seedInput((d) => (d.score = null));
  assert.equal(shownGrade(nothing), undefined, 'no score, no grade: never guessed');
});

test('原文未载: 原文未写 in the panel; computed values marked, only from stated parts', async () => {
  const { data } = await seedInput((d) => {
    d.budget.total = null;
    d.budget.execution_rate = null;
    d.budget.basic = null;
    d.budget.personnel = '400.00';
    d.budget.public = '120.97';
  });
  assert.deepEqual(
    keyFigures(data).map((f) => [f.label, f.value, f.shown, f.source]),
    [
      ['全年预算数', null, '原文未写', 'not_stated'],
      ['年终决算数', '825.75', '825.75万元', 'stated'],
      // 执行率 would need 全年预算数, which the original does not state either: not computed.
      ['预算执行率', null, '原文未写', 'not_stated'],
      ['基本支出', '520.97', '520.97万元（计算）', 'derived'],
      ['项目支出', '304.78', '304.78万元', 'stated'],
      ['自评得分', '98', '98分', 'stated'],
    ],
  );
  const { data: rate } = await seedInput((d) => {
    d.budget.execution_rate = null;
    d.budget.final = '800';
  });
  assert.equal(keyFigures(rate)[2]?.shown, '96.88%（计算）');
});

test('totals convert 元 and 亿元 to 万元 exactly, average scores, and say how many reports they cover', async () => {
  assert.equal(inWanYuan('2487500.00', '元'), '248.750000');
  assert.equal(inWanYuan('30.78', '亿元'), '307800');
  assert.equal(moneyScale('248.750000'), '248.75');
  assert.equal(moneyScale('1.2345'), '1.2345');
  const { data: a } = await seedInput();
  const { data: b } = await seedInput((d) => {
    d.budget.unit = '元';
    d.budget.final = '100.01';
    d.score = '91';
  });
  assert.deepEqual(totals([a, b]), {
    reports: 2,
    final: '825.760001',
    averageScore: '94.5',
    finalCoverage: undefined,
    scoreCoverage: undefined,
  });
  const { data: sparse } = await seedInput((d) => {
    d.budget.final = null;
    d.score = null;
  });
  const t = totals([a, b, sparse]);
  assert.equal(t.final, '825.760001', 'the report that does not state it is left out, not counted as 0');
  assert.equal(t.finalCoverage, '3 份报告中 2 份载明');
  assert.equal(t.averageScore, '94.5');
  assert.equal(t.scoreCoverage, '3 份报告中 2 份载明');
  assert.equal(totals([sparse]).final, undefined);
  assert.equal(totals([]).averageScore, undefined);
  // Written like a published score: no trailing zeros ("94.5分", "98分", never "98.00分").
  assert.equal(totals([a]).averageScore, '98');
});

test('an indicator without a stated rate gets a computed one, marked so; met or not against its target', () => {
  const row = (over: object) => indicatorRow({ name: '指标', unit: '家', actual: '18', ...over });
  assert.deepEqual(row({ target: '15' }).rate, { value: '120', text: '120%', computed: true });
  assert.deepEqual(row({ target: '80', actual: '81', rate: '101.25' }).rate, {
    value: '101.25',
    text: '101.25%',
    computed: false,
  });
  assert.equal(row({ target: '15' }).met, true);
  assert.equal(row({ target: '20' }).met, false);
  assert.equal(row({}).met, undefined);
  assert.equal(row({ actual: '600', approx: true }).actual.text, '600余家');
  // 原文未载 target: 原文未写, no rate computed, nothing said about meeting it.
  const unstated = row({ target: null });
  assert.deepEqual(unstated.target, { value: null, text: '原文未写' });
  assert.equal(unstated.rate, undefined);
  assert.equal(unstated.met, undefined);
});

test('bars are exact shares of the largest value', () => {
  const chart = barChart([
    { label: '甲', bars: [{ series: '决算', value: '825.75', text: '' }] },
    { label: '乙', bars: [{ series: '决算', value: '366.95', text: '' }] },
    { label: '丙', bars: [{ series: '预算', value: '0', text: '' }] },
    { label: '丁', bars: [{ series: '预算', value: null, text: '原文未写' }] },
  ]);
  assert.deepEqual(
    chart.groups.map((g) => g.bars[0]?.share),
    ['100.00', '44.44', '0.00', '0'],
  );
  assert.deepEqual(chart.series, ['决算', '预算']);
});
