import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckResult } from '../../src/checks/index.ts';
import { formatGithub, formatHuman } from '../../src/cli/format-findings.ts';

const result: CheckResult = {
  root: '/repo/content',
  reports: 2,
  findings: [
    {
      file: 'reports/2023/a,b.mdx',
      line: 3,
      column: 7,
      rule: 'budget.sum',
      severity: 'error',
      message: '合计不符：100%\n请核对',
      hint: '改正',
    },
  ],
};

test('GitHub annotations escape %, newlines, commas and colons', () => {
  const out = formatGithub(result, '/repo');
  assert.equal(
    out.split('\n')[0],
    '::error file=content/reports/2023/a%2Cb.mdx,line=3,col=7,title=budget.sum::合计不符：100%25%0A请核对%0A改正',
  );
});

test('human output: file:line:col, severity and rule, then the hint, then a summary', () => {
  const out = formatHuman(result, '/repo');
  assert.match(out, /content\/reports\/2023\/a,b\.mdx:3:7 {2}错误 {2}budget\.sum {2}合计不符/);
  assert.match(out, /→ 改正/);
  assert.match(out, /检查了 2 份报告：1 个错误，0 个警告。/);
});
