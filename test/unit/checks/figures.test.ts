// staffing, score, dates and prose-vs-frontmatter rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issuedAfterYear } from '../../../src/checks/dates.ts';
import { proseFigures } from '../../../src/checks/prose-figures.ts';
import { scoreGrade, scoreRange } from '../../../src/checks/score.ts';
import { staffingOver } from '../../../src/checks/staffing.ts';
import { proseOf } from '../../helpers/prose.ts';
import { seedInput } from '../../helpers/seed.ts';

test('staffing.over-authorized: 21 of 23 is fine, 24 of 23 is a warning', async () => {
  assert.deepEqual(staffingOver.check(await seedInput()), []);
  const [hit] = staffingOver.check(await seedInput((d) => (d.staffing.actual = '24')));
  assert.equal(staffingOver.severity, 'warning');
  assert.match(hit?.message ?? '', /24 人多于编制人数 23 人/);
});

test('score.range: 98 passes, 101 fails', async () => {
  assert.deepEqual(scoreRange.check(await seedInput()), []);
  assert.equal(scoreRange.check(await seedInput((d) => (d.score = '101'))).length, 1);
});

test('score.grade: 98 is 优; 89.5 is 良, not 优', async () => {
  assert.deepEqual(scoreGrade.check(await seedInput((d) => (d.grade = '优'))), []);
  const [hit] = scoreGrade.check(
    await seedInput((d) => {
      d.grade = '优';
      d.score = '89.5';
    }),
  );
  assert.match(hit?.message ?? '', /89\.5 分对应的等级是“良”.*不是“优”/);
  assert.deepEqual(scoreGrade.check(await seedInput()), [], 'the seed states no grade: nothing to compare');
});

test('report.issued-after-year: a 2023 report dated 2023 is impossible', async () => {
  assert.deepEqual(issuedAfterYear.check(await seedInput()), []);
  const [hit] = issuedAfterYear.check(await seedInput((d) => (d.issued = '2023-12-31')));
  assert.match(hit?.message ?? '', /2023-12-31 不在 2023 年度结束之后/);
});

test('prose.figure-mismatch: the seed text agrees with its frontmatter', async () => {
  assert.deepEqual(proseFigures.check(await seedInput()), []);
});

test('prose.figure-mismatch: text and frontmatter disagree', async () => {
  const [hit] = proseFigures.check(await seedInput((d) => (d.budget.basic = '520.98')));
  assert.equal(hit?.excerpt, '基本支出520.97万元');
  assert.match(hit?.message ?? '', /budget\.basic（基本支出）为 520\.98万元/);
});

test('prose.figure-mismatch: amounts in 元 are compared in the frontmatter unit', async () => {
  const input = await seedInput();
  assert.deepEqual(proseFigures.check({ ...input, prose: proseOf('年终决算数8257500元。\n') }), []);
  assert.equal(proseFigures.check({ ...input, prose: proseOf('年终决算数8257501元。\n') }).length, 1);
});

test('prose.figure-mismatch: the number of internal units', async () => {
  const input = await seedInput();
  const [hit] = proseFigures.check({ ...input, prose: proseOf('本局内设股室9个，分别为……\n') });
  assert.match(hit?.message ?? '', /内设股室9个.*列了 10 个/);
});
