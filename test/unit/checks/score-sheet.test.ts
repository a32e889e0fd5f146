// The 自评得分表 rules, each both ways: weights add up to 100, no row above its
// weight, scores add up to the report's 自评得分 (at its precision), an
// indicator below target with full marks is a warning, and the sheet is placed
// in the body; and the table the page and the PDF show.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseTarget,
  scoreSheetFullMarksShort,
  scoreSheetPlacement,
  scoreSheetRowRange,
  scoreSheetScoreSum,
  scoreSheetWeightSum,
} from '../../../src/checks/score-sheet.ts';
import { renderBody } from '../../../src/render/render-body.ts';
import { scoreSheetTable } from '../../../src/render/score-sheet.ts';
import type { Report, ScoreSheetRow } from '../../../src/schema/report.ts';
import { parseBody } from '../../../src/source/markdown.ts';
import { seedInput } from '../../helpers/seed.ts';

const row = (
  level1: string,
  level2: string,
  name: string,
  weight: string,
  score: string,
  more = {},
): ScoreSheetRow => ({
  level1,
  level2,
  name,
  weight,
  score,
  ...more,
});

/** A complete sheet of 100 points scoring 96, as a Hunan-style form has it. */
const SHEET: ScoreSheetRow[] = [
  row('投入', '预算执行', '预算执行率', '20', '20', { target: '100%', actual: '100%' }),
  row('投入', '预算执行', '结转结余率', '10', '10', { target: '≤10%', actual: '3.2%' }),
  row('过程', '预算管理', '政府采购执行率', '10', '8', { target: '100%', actual: '72.74%', note: '部分采购延期' }),
  row('产出', '产出数量', '企业上云', '30', '30', { target: '160家', actual: '160家' }),
  row('效果', '满意度', '服务对象满意度', '30', '28', { target: '≥95%', actual: '93%' }),
];

const withSheet = (rows: ScoreSheetRow[], change: (d: Report) => void = () => {}) =>
  seedInput((d) => {
    d.score_sheet = structuredClone(rows);
    d.score = '96';
    change(d);
  });

test('score-sheet.weight-sum: 100 passes; 95 names the sum and the 100 it should be', async () => {
  assert.deepEqual(scoreSheetWeightSum.check(await withSheet(SHEET)), []);
  const [hit] = scoreSheetWeightSum.check(await withSheet(SHEET, (d) => (d.score_sheet[1]!.weight = '5')));
  assert.equal(hit?.message, '自评得分表 5 项的分值之和为 95分，不等于满分 100分');
  assert.deepEqual(hit?.at, { key: ['score_sheet'] });
  assert.deepEqual(
    scoreSheetWeightSum.check(await withSheet(SHEET, (d) => (d.score_sheet[1]!.weight = null))),
    [],
    'a sheet with a weight 原文未载 is not complete: not checked (figure.not-stated says so)',
  );
});

test('score-sheet.row-range: a score above its weight is an error at that row', async () => {
  assert.deepEqual(scoreSheetRowRange.check(await withSheet(SHEET)), []);
  const [hit] = scoreSheetRowRange.check(await withSheet(SHEET, (d) => (d.score_sheet[2]!.score = '12')));
  assert.equal(hit?.message, '“预算管理·政府采购执行率”得分 12分，超过该项分值 10分');
  assert.deepEqual(hit?.at, { key: ['score_sheet', 2, 'score'] });
});

test('score-sheet.score-sum: Σ 得分 = 自评得分 at the precision the score is stated with, both sums named', async () => {
  assert.deepEqual(scoreSheetScoreSum.check(await withSheet(SHEET)), []);
  const [hit] = scoreSheetScoreSum.check(await withSheet(SHEET, (d) => (d.score = '98')));
  assert.equal(hit?.message, '自评得分表 5 项的得分之和为 96分，与自评得分 98分 不一致');
  assert.deepEqual(hit?.at, { key: ['score'] });
  // 95.6 rounds to 96 when the score is stated in whole points, but not to 95.5 at one place.
  const fractional = (score: string) =>
    withSheet(SHEET, (d) => {
      d.score_sheet[4]!.score = '27.6';
      d.score = score;
    });
  assert.deepEqual(scoreSheetScoreSum.check(await fractional('96')), []);
  assert.equal(scoreSheetScoreSum.check(await fractional('95.5')).length, 1);
  assert.deepEqual(scoreSheetScoreSum.check(await fractional('95.6')), []);
  assert.deepEqual(scoreSheetScoreSum.check(await withSheet(SHEET, (d) => (d.score = null))), []);
});

test('score-sheet.full-marks-short: 72.74% against 100% with full marks is a warning; a deduction or a met target is not', async () => {
  assert.deepEqual(scoreSheetFullMarksShort.check(await withSheet(SHEET)), []);
  const hits = scoreSheetFullMarksShort.check(
    await withSheet(SHEET, (d) => {
      d.score_sheet[2]!.score = '10';
      d.score_sheet[4]!.score = '30';
    }),
  );
  assert.deepEqual(
    hits.map((h) => h.message),
    [
      '“预算管理·政府采购执行率”实际完成值 72.74% 未达到年度指标值 100%，却得了满分 10分',
      '“满意度·服务对象满意度”实际完成值 93% 未达到年度指标值 ≥95%，却得了满分 30分',
    ],
  );
  assert.equal(scoreSheetFullMarksShort.severity, 'warning');
  // ≤10% is met by 3.2%; 160家 of 160家 is met; words are not compared.
  assert.deepEqual(parseTarget('≤10%'), { direction: 'max', value: '10', unit: '%' });
  assert.deepEqual(parseTarget('不低于９０％'), { direction: 'min', value: '90', unit: '%' });
  assert.equal(parseTarget('按时完成'), undefined);
});

test('score-sheet.placement: a sheet needs its <ScoreSheet /> in the body, and the tag needs a sheet', async () => {
  const body = (text: string) => {
    const r = parseBody(text, 'mdx');
    assert.ok(r.ok);
    return r.tree;
  };
  const input = await withSheet(SHEET);
  assert.match(scoreSheetPlacement.check(input)[0]?.message ?? '', /正文中没有 <ScoreSheet \/>/);
  assert.deepEqual(scoreSheetPlacement.check({ ...input, body: body('## 六、自评得分\n\n<ScoreSheet />\n') }), []);
  const seed = await seedInput();
  assert.match(
    scoreSheetPlacement.check({ ...seed, body: body('<ScoreSheet />\n') })[0]?.message ?? '',
    /frontmatter 中没有 score_sheet/,
  );
});

test('the sheet as a table: 一级/二级指标 merged over their rows, 原文未写 for 原文未载, a computed 合计', async () => {
  const sheet = scoreSheetTable(SHEET);
  assert.deepEqual(
    sheet.rows.map((r) => [r.level1.rowSpan, r.level2.rowSpan]),
    [
      [2, 2],
      [0, 0],
      [1, 1],
      [1, 1],
      [1, 1],
    ],
  );
  assert.deepEqual(sheet.total, { label: '合计（计算）', weight: '100', score: '96' });
  const unstated = scoreSheetTable([{ ...SHEET[0]!, score: null }]);
  assert.equal(unstated.rows[0]?.score.text, '原文未写');
  assert.equal(unstated.total, undefined);

  const { data } = await withSheet(SHEET);
  const parsed = parseBody('<ScoreSheet />\n', 'mdx');
  assert.ok(parsed.ok);
  const html = renderBody(parsed.tree, { file: 'reports/2023/kgxj.mdx', data, media: [] }).html;
  assert.match(
    html,
    /<div class="table-scroll" role="region" aria-label="自评得分表" tabindex="0"><table class="score-sheet">/,
  );
  assert.match(html, /<td rowspan="2">投入<\/td><td rowspan="2">预算执行<\/td><th scope="row">预算执行率<\/th>/);
  assert.match(
    html,
    /<th scope="row">政府采购执行率<\/th><td class="num"><data value="10">10<\/data><\/td><td class="num"><data value="8">8<\/data><\/td><td>100%<\/td><td>72\.74%<\/td><td>部分采购延期<\/td>/,
  );
  assert.match(html, /<th scope="row" colspan="3">合计（计算）<\/th><td class="num">100<\/td><td class="num">96<\/td>/);
});
