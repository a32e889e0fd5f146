// npm test: everything a reviewer would run, in order, with one summary.
// Stages: type check, lint, format, unit tests, build/CLI tests, browser
// tests, PDF tests. `npm test -- unit e2e` runs only the named stages.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { childEnv, PROJECT_ROOT } from '../src/config.ts';

interface Stage {
  name: string;
  title: string;
  command: string[];
  /** Skip quietly when there is nothing to run yet (e.g. no test files). */
  when?: () => boolean;
}

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);
const hasTests = (dir: string) => () =>
  existsSync(join(PROJECT_ROOT, dir)) &&
  readdirSync(join(PROJECT_ROOT, dir), { recursive: true }).some((f) => String(f).endsWith('.test.ts'));
/** Where each stage's test durations go, for the slowest-tests list at the end. */
const timings = mkdtempSync(join(tmpdir(), 'gongkai-test-times-'));
/**
 * Test files run two at a time: most of a browser or build test is waiting
 * (a page to lay out, a process to end), and every file works in folders of
 * its own. The machines this runs on have two cores.
 */
const CONCURRENCY = 2;
const nodeTest = (dir: string) => [
  process.execPath,
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${join(PROJECT_ROOT, 'test/helpers/durations-reporter.mjs')}`,
  `--test-reporter-destination=${join(timings, `${dir.replace(/\W/g, '-')}.jsonl`)}`,
  `--test-concurrency=${CONCURRENCY}`,
  `${dir}/**/*.test.ts`,
];

const STAGES: Stage[] = [
  { name: 'types', title: '类型检查（astro check）', command: [bin('astro'), 'check', '--minimumSeverity', 'warning'] },
  { name: 'lint', title: '代码规范（eslint）', command: [bin('eslint'), '--max-warnings=0', '.'] },
  { name: 'format', title: '格式（prettier）', command: [bin('prettier'), '--check', '--log-level=warn', '.'] },
  { name: 'unit', title: '单元测试', command: nodeTest('test/unit'), when: hasTests('test/unit') },
  { name: 'cli', title: '命令行与构建测试', command: nodeTest('test/cli'), when: hasTests('test/cli') },
  { name: 'e2e', title: '浏览器测试', command: nodeTest('test/e2e'), when: hasTests('test/e2e') },
  { name: 'pdf', title: 'PDF 测试', command: nodeTest('test/pdf'), when: hasTests('test/pdf') },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !STAGES.some((s) => s.name === w));
if (unknown.length) {
  console.error(`没有这些测试阶段：${unknown.join('、')}。可选：${STAGES.map((s) => s.name).join('、')}`);
  process.exit(2);
}

const results: { stage: Stage; ok: boolean; seconds: number; skipped: boolean }[] = [];
for (const stage of STAGES) {
  if (wanted.length && !wanted.includes(stage.name)) continue;
  if (stage.when && !stage.when()) {
    results.push({ stage, ok: true, seconds: 0, skipped: true });
    continue;
  }
  console.log(`\n━━ ${stage.title} ━━`);
  const start = performance.now();
  const [cmd = '', ...args] = stage.command;
  const r = spawnSync(cmd, args, {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: childEnv({ ASTRO_TELEMETRY_DISABLED: '1' }),
  });
  results.push({ stage, ok: r.status === 0, seconds: (performance.now() - start) / 1000, skipped: false });
}

const slowest = readdirSync(timings)
  .flatMap((f) => readFileSync(join(timings, f), 'utf8').trim().split('\n').filter(Boolean))
  .map((line) => JSON.parse(line) as { name: string; file?: string; ms: number })
  .sort((a, b) => b.ms - a.ms)
  .slice(0, 10);
rmSync(timings, { recursive: true, force: true });
if (slowest.length) {
  console.log('\n━━ 最慢的 10 个测试 ━━');
  for (const t of slowest)
    console.log(
      `${(t.ms / 1000).toFixed(1).padStart(6)} 秒  ${t.name}${t.file ? `（${relative(PROJECT_ROOT, t.file)}）` : ''}`,
    );
}

console.log('\n━━ 小结 ━━');
for (const r of results) {
  const mark = r.skipped ? '－ 无测试' : r.ok ? '✓ 通过' : '✗ 失败';
  console.log(`${mark}  ${r.stage.title}${r.skipped ? '' : `（${r.seconds.toFixed(1)} 秒）`}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
