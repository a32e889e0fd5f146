// 原文未载: listed as information with the rules it stops, never a failure;
// every rule and every page model reads a report whose figures are all 原文未载
// without inventing or crashing; prose that states a figure the frontmatter
// calls 原文未载 is an error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failed } from '../../../src/checks/index.ts';
import { budgetBasicParts, budgetSum } from '../../../src/checks/budget.ts';
import { proseFigures } from '../../../src/checks/prose-figures.ts';
import { REPORT_RULES } from '../../../src/checks/registry.ts';
import { formatHuman } from '../../../src/cli/format-findings.ts';
import { figuresIn } from '../../../src/figures/figure.ts';
import { budgetChart } from '../../../src/model/report-charts.ts';
import { keyFigures } from '../../../src/model/key-figures.ts';
import { INDICATOR_COLUMNS, indicatorRows, REPORT_COLUMNS, toCsv, toRecord } from '../../../src/model/open-data.ts';
import { totals } from '../../../src/model/summaries.ts';
import type { Report } from '../../../src/schema/report.ts';
import { scanContent } from '../../../src/scan/scan.ts';
import { contentWith, SEED_REPORT } from '../../helpers/content.ts';
import { seedInput, seedTree } from '../../helpers/seed.ts';
import { rm } from 'node:fs/promises';
import { testScanPool } from '../../helpers/scan-pool.ts';

const notStated = REPORT_RULES.find((r) => r.id === 'figure.not-stated');

test('figure.not-stated names each figure, what the page shows and the rules it stops', async () => {
  assert.ok(notStated);
  assert.deepEqual(notStated.check(await seedInput()), [], 'the seed states everything');
  const input = await seedInput((d) => {
    d.budget.basic = null;
    d.issued = null;
  });
  const hits = notStated.check(input);
  assert.deepEqual(
    hits.map((h) => h.at),
    [{ key: ['issued'] }, { key: ['budget', 'basic'] }],
  );
  assert.match(
    hits[0]?.message ?? '',
    /^成文日期：原文未载，网页显示“原文未写”；因此未检查：report\.issued-after-year/,
  );
  assert.match(
    hits[1]?.message ?? '',
    /^基本支出：原文未载，网页显示“原文未写”；因此未检查：budget\.sum（基本支出 \+ 项目支出 = 年终决算数）、budget\.basic-parts/,
  );
  assert.deepEqual(budgetSum.check(input), [], 'budget.sum does not check what is not stated');

  const parts = await seedInput((d) => {
    d.budget.basic = null;
    d.budget.personnel = '400.00';
    d.budget.public = '120.97';
  });
  assert.match(notStated.check(parts)[0]?.message ?? '', /网页按 人员经费 \+ 公用经费 计算，显示 520\.97万元（计算）/);
});

test('budget.basic-parts: 人员经费 + 公用经费 = 基本支出, both ways', async () => {
  const ok = await seedInput((d) => {
    d.budget.personnel = '400.00';
    d.budget.public = '120.97';
  });
  assert.deepEqual(budgetBasicParts.check(ok), []);
  const [hit] = budgetBasicParts.check(
    await seedInput((d) => {
      d.budget.personnel = '400.00';
      d.budget.public = '100.97';
    }),
  );
  assert.match(
    hit?.message ?? '',
    /人员经费 400\.00万元 \+ 公用经费 100\.97万元 = 500\.97万元，与基本支出 520\.97万元 不一致（相差 -20\.00）/,
  );
});

test('prose that states a figure the frontmatter calls 原文未载 is an error', async () => {
  const [hit] = proseFigures.check(await seedInput((d) => (d.budget.initial = null)));
  assert.match(
    hit?.message ?? '',
    /正文写“年初预算批复数366\.95万元”，而 frontmatter 中 budget\.initial（年初预算批复数）写的是“原文未载”/,
  );
});

test('every rule, the panel, the chart, totals and open data read a report whose every figure is 原文未载', async () => {
  const input = await seedInput((d) => {
    for (const f of figuresIn(d)) {
      let holder = d as unknown as Record<string | number, unknown>;
      for (const k of f.path.slice(0, -1)) holder = holder[k] as Record<string | number, unknown>;
      holder[f.path.at(-1) as string | number] = null;
    }
    d.issued = null;
    d.score_sheet = [{ name: '预算执行率', weight: null, score: null }];
  });
  for (const rule of REPORT_RULES) {
    const hits = rule.check(input); // none throws
    if (rule.reads) assert.deepEqual(hits, [], `${rule.id} has nothing to say about figures that are not stated`);
  }
  assert.ok(keyFigures(input.data).every((f) => f.shown === '原文未写'));
  assert.ok(budgetChart(input.data).groups.every((g) => g.bars.every((b) => b.text === '原文未写' && b.share === '0')));
  assert.equal(totals([input.data]).final, undefined);
  const record = toRecord(REPORT_COLUMNS, {
    data: input.data,
    department: (await seedTree()).departments[0]!.data!,
    siteUrl: 'https://x.cn/',
  });
  assert.equal(record.budget_final, null);
  assert.equal(record.issued, null);
  assert.equal(record.grade, null, 'no score, no grade');
  assert.ok(Array.isArray(record.not_stated) && record.not_stated.includes('budget.final'));
  const csv = toCsv(INDICATOR_COLUMNS, indicatorRows(input.data as Report));
  assert.match(csv.split('\r\n')[1] ?? '', /^2023,kgxj,科技型中小企业备案,家,,,/, 'empty cells, not 0');
});

test('npm run check: information is listed and counted, and never fails the check, even with --strict', async () => {
  const root = await contentWith([
    { file: SEED_REPORT, replace: ['  initial: 366.95 # 年初预算批复数', '  initial: 原文未载 # 年初预算批复数'] },
    { file: SEED_REPORT, replace: ['年初预算批复数366.95万元，', ''] },
  ]);
  try {
    const result = await scanContent(root, { cache: false, pool: testScanPool() });
    const info = result.findings.filter((f) => f.severity === 'info');
    assert.equal(info.length, 1);
    assert.equal(info[0]?.rule, 'figure.not-stated');
    assert.equal(failed(result), false);
    assert.equal(failed(result, true), false);
    const human = formatHuman(result, root);
    assert.match(human, /reports\/2023\/kgxj\.mdx:\d+:\d+ {2}信息 {2}figure\.not-stated {2}年初预算批复数：原文未载/);
    assert.match(human, /0 个错误，0 个警告，4 个已确认的原文问题，1 条信息（原文未载的数字，不算问题）。/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
