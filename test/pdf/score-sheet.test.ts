// The 自评得分表 and a figure the original does not state, in the PDF, with
// each engine: the table fits the 版心 (the pipeline refuses what does not),
// every indicator is printed once, the computed 合计 is marked, and 原文未载
// reads 原文未写.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ENGINES } from '../../src/print/pdf/engines.ts';
import { printedCase } from './print-cases.ts';
import { pdfinfo, pdftotext } from './poppler.ts';

const INDICATORS = [
  '预算执行率',
  '结转结余率',
  '政府采购执行率',
  '资金使用合规性',
  '科技型中小企业备案',
  '企业上云',
  '企业上平台',
  '服务对象满意度',
];

for (const engine of ENGINES) {
  describe(`score sheet and 原文未写, engine ${engine}`, async () => {
    const run = await printedCase('scoreSheet', engine);
    const pages = Array.from({ length: Number(pdfinfo(run.pdf()).Pages) }, (_, i) => pdftotext(run.pdf(), i + 1));
    const text = pages.join('\n').replace(/\s+/g, '');

    test('renders: the table fits the 版心', () => assert.equal(run.status, 0, run.stderr));

    test('the sheet is printed with its header, every indicator and the computed total', () => {
      assert.match(text, /部门整体支出绩效自评得分表/);
      // Header cells wrap inside their columns; every header word is there.
      for (const head of ['一级', '二级', '三级指标', '分值', '得分', '年度指标值', '实际完成值', '偏差原因及改进措施'])
        assert.match(text, new RegExp(head), head);
      // A long name wraps in its cell (and extracts in pieces): its first four characters are on one line.
      for (const name of INDICATORS) assert.match(text, new RegExp(name.slice(0, 4)), name);
      assert.match(text, /合计（计算）/);
    });

    test('a figure the original does not state reads 原文未写', () => {
      assert.match(text, /年初预算批复数原文未写，全年预算数825\.75万元/);
    });
  });
}
