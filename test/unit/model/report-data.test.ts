import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportDataFiles } from '../../../src/model/report-data.ts';
import type { Department } from '../../../src/schema/department.ts';
import { seedTree } from '../../helpers/seed.ts';

const SITE = 'https://gongkai.example.cn/';

async function seed() {
  const tree = await seedTree();
  const data = tree.reports[0]?.data;
  const department = tree.departments.find((d) => d.data?.id === data?.department)?.data as Department;
  if (!data || !department) throw new Error('seed did not load');
  return { data, department };
}

test("a report's data files: its JSON and indicators table, and a score-sheet table only when it has one", async () => {
  const report = await seed();
  const files = reportDataFiles(report, SITE);
  assert.deepEqual(
    files.map((f) => f.path),
    ['/data/2023/kgxj.json', '/data/2023/kgxj-indicators.csv'],
  );
  const json = JSON.parse(files[0]!.text) as { url: string; report: { budget: { final: string } } };
  assert.equal(json.url, 'https://gongkai.example.cn/reports/2023/kgxj/');
  assert.equal(json.report.budget.final, '825.75');

  const withSheet = structuredClone(report);
  withSheet.data.score_sheet = [{ level1: '产出', level2: '数量', name: '测试指标', weight: '10', score: '9' }];
  assert.deepEqual(
    reportDataFiles(withSheet, SITE).map((f) => f.path),
    ['/data/2023/kgxj.json', '/data/2023/kgxj-indicators.csv', '/data/2023/kgxj-score-sheet.csv'],
  );
  assert.match(reportDataFiles(withSheet, SITE)[2]!.text, /测试指标/);
});
