import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAcknowledgements } from '../../../src/checks/acknowledgements.ts';
import { ALL_RULES, failed } from '../../../src/checks/index.ts';
import { scanContent } from '../../../src/scan/scan.ts';
import { SEED_CONTENT } from '../../helpers/content.ts';
import type { Finding } from '../../../src/checks/types.ts';
import { testScanPool } from '../../helpers/scan-pool.ts';

const finding = (rule: string, excerpt: string): Finding => ({
  file: 'reports/2023/x.mdx',
  line: 1,
  column: 1,
  rule,
  severity: 'warning',
  message: 'm',
  excerpt,
});

test('the seed: exactly four findings, all acknowledged, so the check passes', async () => {
  const result = await scanContent(SEED_CONTENT, { cache: false, pool: testScanPool() });
  assert.deepEqual(
    result.findings.map((f) => [f.rule, f.line, Boolean(f.acknowledged)]),
    [
      ['text.latin-word', 16, true],
      ['budget.evaluated-coverage', 51, true],
      ['text.punctuation', 232, true],
      ['text.repeated-sentence', 266, true],
    ],
  );
  assert.equal(failed(result), false);
  assert.equal(failed(result, true), false);
});

test('an acknowledgement with match covers only the findings containing that text', () => {
  const findings = [finding('text.latin-word', '规模 and 方向'), finding('text.latin-word', '质量 or 数量')];
  const problems = applyAcknowledgements(
    [{ rule: 'text.latin-word', match: 'and', reason: '原文如此' }],
    findings,
    ALL_RULES.map((r) => r.id),
  );
  assert.deepEqual(problems, []);
  assert.equal(findings[0]?.acknowledged, '原文如此');
  assert.equal(findings[1]?.acknowledged, undefined);
});

test('unknown rules and stale acknowledgements are reported', () => {
  const problems = applyAcknowledgements(
    [
      { rule: 'budget.summ', reason: '原文如此' },
      { rule: 'budget.sum', reason: '原文如此' },
    ],
    [],
    ALL_RULES.map((r) => r.id),
  );
  assert.deepEqual(
    problems.map((p) => [p.rule, p.index]),
    [
      ['ack.unknown-rule', 0],
      ['ack.unused', 1],
    ],
  );
  assert.match(problems[0]?.message ?? '', /是不是 budget\.sum/);
});

test('every rule id is unique and has a Chinese title', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of ALL_RULES) assert.match(r.title, /[\u4e00-\u9fff]/, r.id);
});
