import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetEvaluatedCoverage, budgetExecutionRate, budgetSum } from '../../../src/checks/budget.ts';
import { seedInput } from '../../helpers/seed.ts';

test('budget.sum: 520.97 + 304.78 = 825.75 passes', async () => {
  assert.deepEqual(budgetSum.check(await seedInput()), []);
});

test('budget.sum: allows one unit of rounding for two parts, and no more', async () => {
  const rounding = await seedInput((d) => (d.budget.basic = '520.98'));
  assert.deepEqual(budgetSum.check(rounding), [], '825.76 against 825.75 can come from rounding');
  const [hit] = budgetSum.check(await seedInput((d) => (d.budget.basic = '520.99')));
  assert.ok(hit);
  assert.deepEqual(hit.at, { key: ['budget', 'basic'] });
  assert.equal(
    hit.message,
    '基本支出 520.99万元 + 项目支出 304.78万元 = 825.77万元，与年终决算数 825.75万元 不一致（相差 +0.02）',
  );
});

test('budget.sum: integers (元) must add up exactly', async () => {
  const input = await seedInput((d) => {
    d.budget.unit = '元';
    d.budget.basic = '5209700';
    d.budget.project = '3047801';
    d.budget.final = '8257500';
  });
  assert.equal(budgetSum.check(input).length, 1);
});

test('budget.execution-rate: 100% for 825.75 / 825.75 passes; 99% fails with the computed value', async () => {
  assert.deepEqual(budgetExecutionRate.check(await seedInput()), []);
  const [hit] = budgetExecutionRate.check(await seedInput((d) => (d.budget.execution_rate = '99')));
  assert.match(hit?.message ?? '', /写的是 99%.*应为 100%/);
});

test('budget.execution-rate: checked at the stated precision, rounded or cut off', async () => {
  const set = (rate: string, final: string) =>
    seedInput((d) => {
      d.budget.final = final;
      d.budget.execution_rate = rate;
    });
  // 800 / 825.75 = 96.8816…%
  assert.deepEqual(budgetExecutionRate.check(await set('96.88', '800')), []);
  assert.deepEqual(budgetExecutionRate.check(await set('96.9', '800')), []);
  assert.deepEqual(budgetExecutionRate.check(await set('96.8', '800')), [], 'cut off');
  assert.equal(budgetExecutionRate.check(await set('96.89', '800')).length, 1);
  assert.equal(budgetExecutionRate.check(await set('97', '800')).length, 0);
  assert.equal(budgetExecutionRate.check(await set('98', '800')).length, 1);
});

test('budget.execution-rate: a zero budget cannot have a rate', async () => {
  const [hit] = budgetExecutionRate.check(await seedInput((d) => (d.budget.total = '0')));
  assert.match(hit?.message ?? '', /全年预算数为 0/);
});

test('budget.evaluated-coverage: fires on the seed (827.75 vs 825.75 under 全覆盖)', async () => {
  const [hit] = budgetEvaluatedCoverage.check(await seedInput());
  assert.deepEqual(hit?.at, { key: ['budget', 'evaluated'] });
  assert.match(hit?.message ?? '', /827\.75万元 与年终决算数 825\.75万元 不一致（相差 \+2\.00）/);
});

test('budget.evaluated-coverage: quiet when the amounts agree or no full coverage is claimed', async () => {
  assert.deepEqual(budgetEvaluatedCoverage.check(await seedInput((d) => (d.budget.evaluated = '825.75'))), []);
  assert.deepEqual(budgetEvaluatedCoverage.check(await seedInput((d) => (d.budget.full_coverage = false))), []);
  assert.deepEqual(
    budgetEvaluatedCoverage.check(
      await seedInput((d) => {
        delete d.budget.evaluated;
      }),
    ),
    [],
  );
});

test('budget.evaluated-coverage: a claim in the text counts when the flag is absent', async () => {
  const input = await seedInput((d) => {
    delete d.budget.full_coverage;
  });
  assert.equal(budgetEvaluatedCoverage.check(input).length, 1, 'the seed text says “按照绩效自评全覆盖原则”');
  assert.deepEqual(budgetEvaluatedCoverage.check({ ...input, prose: [] }), []);
});
