// Derived figures the pages show: totals across units, computed rates,
// chart proportions. All exact decimals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { barChart } from '../../../src/model/charts.ts';
import { indicatorRow } from '../../../src/model/indicator-rows.ts';
import { keyFigures, reportGrade } from '../../../src/model/key-figures.ts';
import { moneyScale, totals } from '../../../src/model/summaries.ts';
import { inWanYuan } from '../../../src/figures/money.ts';
import { seedInput } from '../../helpers/seed.ts';

test('key figures read as published, named as in reports', async () => {
  const { data } = await seedInput();
  assert.deepEqual(
    keyFigures(data).map((f) => `${f.label} ${f.text}`),
    [
      '全年预算数 825.75万元',
      '年终决算数 825.75万元',
      '预算执行率 100%',
      '基本支出 520.97万元',
      '项目支出 304.78万元',
      '自评得分 98分',
    ],
  );
  assert.deepEqual(reportGrade(data), { grade: '优', stated: true });
  const { data: unstated } = await seedInput((d) => {
    delete d.grade;
    d.score = '85';
  });
  assert.deepEqual(reportGrade(unstated), { grade: '良', stated: false });
});

test('totals convert 元 and 亿元 to 万元 exactly and average scores', async () => {
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
  // Written like a published score: no trailing zeros ("94.5分", "98分", never "98.00分").
  assert.deepEqual(totals([a, b]), { reports: 2, final: '825.760001', averageScore: '94.5' });
  assert.equal(totals([a]).averageScore, '98');
  assert.deepEqual(totals([]), { reports: 0, final: '0.00', averageScore: undefined });
});

test('an indicator without a stated rate gets a computed one, marked so; met or not against its target', () => {
  const row = (over: object) => indicatorRow({ name: '指标', unit: '家', actual: '18', ...over });
  assert.deepEqual(row({ target: '15' }).rate, { value: '120', computed: true });
  assert.deepEqual(row({ target: '80', actual: '81', rate: '101.25' }).rate, { value: '101.25', computed: false });
  assert.equal(row({ target: '15' }).met, true);
  assert.equal(row({ target: '20' }).met, false);
  assert.equal(row({}).met, undefined);
  assert.equal(row({ actual: '600', approx: true }).actual, '600余');
});

test('bars are exact shares of the largest value', () => {
  const chart = barChart([
    { label: '甲', bars: [{ series: '决算', value: '825.75', text: '' }] },
    { label: '乙', bars: [{ series: '决算', value: '366.95', text: '' }] },
    { label: '丙', bars: [{ series: '预算', value: '0', text: '' }] },
  ]);
  assert.deepEqual(
    chart.groups.map((g) => g.bars[0]?.share),
    ['100.00', '44.44', '0.00'],
  );
  assert.deepEqual(chart.series, ['决算', '预算']);
});
