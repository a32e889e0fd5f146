import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indicatorRate, indicatorShortfall } from '../../../src/checks/indicators.ts';
import { proseOf } from '../../helpers/prose.ts';
import { seedInput } from '../../helpers/seed.ts';

test('indicator.rate: 81 / 80 = 101.25% passes, 101.3% would be rounded wrongly', async () => {
  assert.deepEqual(indicatorRate.check(await seedInput()), []);
  const [hit] = indicatorRate.check(
    await seedInput((d) => {
      const ind = d.indicators[0];
      if (ind) ind.rate = '101.35';
    }),
  );
  assert.deepEqual(hit?.at, { key: ['indicators', 0, 'rate'] });
  assert.match(hit?.message ?? '', /科技型中小企业备案.*101\.35%.*81家 ÷ 目标 80家.*101\.25%/);
});

test('indicator.rate: a rate without a target cannot be checked', async () => {
  const [hit] = indicatorRate.check(
    await seedInput((d) => {
      const ind = d.indicators[0];
      if (ind) delete ind.target;
    }),
  );
  assert.match(hit?.message ?? '', /没有目标值/);
});

test('indicator.shortfall-unexplained: below target and not mentioned under 存在的问题', async () => {
  const below = await seedInput((d) => {
    const ind = d.indicators[1]; // 企业上云 160 → 150
    if (ind) ind.actual = '150';
  });
  const [hit] = indicatorShortfall.check(below);
  assert.deepEqual(hit?.at, { key: ['indicators', 1, 'actual'] });
  assert.match(hit?.message ?? '', /企业上云.*未达到目标 160家/);

  const explained = proseOf('## 五、存在的问题及改进措施\n\n企业上云未完成任务，原因是……\n');
  assert.deepEqual(indicatorShortfall.check({ ...below, prose: explained }), []);
  assert.deepEqual(indicatorShortfall.check(await seedInput()), [], 'all targets met in the seed');
});
