import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  projectsBudgetTypeSum,
  projectsCategorySum,
  projectsCount,
  projectsShare,
  projectsSourceSum,
} from '../../../src/checks/projects.ts';
import { seedInput } from '../../helpers/seed.ts';

test('the seed project breakdowns all agree', async () => {
  const input = await seedInput();
  for (const rule of [projectsBudgetTypeSum, projectsCategorySum, projectsCount, projectsShare, projectsSourceSum])
    assert.deepEqual(rule.check(input), [], rule.id);
});

test('projects.category-sum: only when every category has an amount', async () => {
  const partial = await seedInput((d) => {
    const c = d.projects?.categories[0];
    if (c) c.amount = '100';
  });
  assert.deepEqual(projectsCategorySum.check(partial), []);
  const all = await seedInput((d) => {
    d.projects?.categories.forEach((c) => (c.amount = '100'));
  });
  const [hit] = projectsCategorySum.check(all);
  assert.match(hit?.message ?? '', /事业发展类 100万元 \+ 奖补类 100万元 = 200万元，与项目支出 304\.78万元 不一致/);
});

test('projects.budget-type-sum: 政府性基金 money that is not in 项目支出 is caught', async () => {
  const [hit] = projectsBudgetTypeSum.check(
    await seedInput((d) => {
      if (d.projects?.budget_types?.government_fund) d.projects.budget_types.government_fund.amount = '10';
    }),
  );
  assert.deepEqual(hit?.at, { key: ['projects', 'budget_types'] });
});

test('projects.source-sum: 上级 + 本级 = 项目支出', async () => {
  const [hit] = projectsSourceSum.check(
    await seedInput((d) => {
      if (d.projects?.sources) d.projects.sources.local = '5';
    }),
  );
  assert.match(hit?.message ?? '', /上级资金 304\.78万元 \+ 本级财政资金 5万元/);
});

test('projects.share: 100% of 304.78 is right, 90% is not', async () => {
  const [hit] = projectsShare.check(
    await seedInput((d) => {
      if (d.projects?.budget_types?.general) d.projects.budget_types.general.share = '90';
    }),
  );
  assert.match(hit?.message ?? '', /写的是 90%.*应为 100%/);
});

test('projects.count: 3 + 3 categories against 6 general-budget projects', async () => {
  const [hit] = projectsCount.check(
    await seedInput((d) => {
      if (d.projects?.budget_types?.general) d.projects.budget_types.general.count = '7';
    }),
  );
  assert.match(hit?.message ?? '', /按类别共 6 个项目，按预算类型共 7 个项目/);
});
