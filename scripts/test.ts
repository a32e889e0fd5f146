// npm test: everything a reviewer would run, with one summary: type check,
// lint and format side by side, then one run of every test file (unit, CLI
// and build, browser, PDF). `npm test -- unit e2e` runs only the named stages.
//
// Why one run and not a stage after another: a stage that ends with one long
// file leaves the other core idle. All files go into one queue, the heaviest
// first, three at a time; every file works in folders of its own, and sites
// that several files only read are built once per run (GONGKAI_TEST_SHARED,
// see test/e2e/helpers/site.ts).
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { childEnv, PROJECT_ROOT } from '../src/config.ts';
import { TEST_SITE_CACHES } from '../test/helpers/content.ts';

interface CommandStage {
  name: string;
  title: string;
  command: string[];
}

interface TestStage {
  name: string;
  title: string;
  dir: string;
  /**
   * Order in the queue while there are no times yet (a fresh clone): heavier
   * stages start first, a file's size breaks ties. The unit tests are one
   * process of about 40 s, longer than most files: started last, as they were,
   * the run ended with them (about 20 s later, by a fresh clone's file times).
   */
  weight: number;
  /**
   * All its files in one process. The unit tests share no state, and loading
   * the project's modules once instead of once per file took their CPU time
   * from 83 to 21 s (41 files), on a suite that keeps both cores busy.
   */
  oneProcess?: boolean;
}

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules/.bin', name);

const COMMANDS: CommandStage[] = [
  { name: 'types', title: '类型检查（astro check）', command: [bin('astro'), 'check', '--minimumSeverity', 'warning'] },
  { name: 'lint', title: '代码规范（eslint）', command: [bin('eslint'), '--max-warnings=0', '.'] },
  { name: 'format', title: '格式（prettier）', command: [bin('prettier'), '--check', '--log-level=warn', '.'] },
];

const TESTS: TestStage[] = [
  { name: 'unit', title: '单元测试', dir: 'test/unit', weight: 4, oneProcess: true },
  { name: 'cli', title: '命令行与构建测试', dir: 'test/cli', weight: 2 },
  { name: 'e2e', title: '浏览器测试', dir: 'test/e2e', weight: 3 },
  { name: 'pdf', title: 'PDF 测试', dir: 'test/pdf', weight: 3 },
];

/**
 * Test files at a time. The machines have two cores, but with two files they
 * were busy only two thirds of the time (a file waits for Chromium, a build,
 * git); a third file fills that.
 */
const CONCURRENCY = 3;

const wanted = process.argv.slice(2);
const known = [...COMMANDS, ...TESTS].map((s) => s.name);
const usage = `用法：npm test -- [阶段…]，阶段可选：${known.join('、')}（不写则全部运行）`;
if (wanted.some((w) => w === '--help' || w === '-h')) {
  console.log(usage);
  process.exit(0);
}
const unknown = wanted.filter((w) => !known.includes(w));
if (unknown.length) {
  console.error(`错误：没有这些测试阶段：${unknown.join('、')}。${usage}`);
  process.exit(1);
}
const selected = <T extends { name: string }>(stages: T[]) =>
  stages.filter((s) => !wanted.length || wanted.includes(s.name));

// Compiled code is cached across the many processes the tests start (each
// build, check and PDF run loads the same modules): NODE_COMPILE_CACHE, set
// by src/cli/compile-cache.mjs, which `npm test` preloads, reaches them all.
const shared = mkdtempSync(join(tmpdir(), 'gongkai-test-shared-'));
mkdirSync(TEST_SITE_CACHES, { recursive: true });
const siteCache = mkdtempSync(join(TEST_SITE_CACHES, 'run-'));
const env = childEnv({
  ASTRO_TELEMETRY_DISABLED: '1',
  GONGKAI_TEST_SHARED: shared,
  // Built site parts are shared by the run's builds, whatever their content
  // tree (many build the same reports), and by no other run; so are PDFs, for
  // the builds that make them (so a run here renders what a fresh clone does).
  GONGKAI_SITE_CACHE: siteCache,
  GONGKAI_PDF_CACHE: join(shared, 'pdf-cache'),
});

interface CommandResult {
  stage: CommandStage;
  ok: boolean;
  seconds: number;
  output: string;
}

function runCommand(stage: CommandStage): Promise<CommandResult> {
  const start = performance.now();
  const [cmd = '', ...args] = stage.command;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const done = (ok: boolean, extra = '') =>
      resolve({ stage, ok, seconds: (performance.now() - start) / 1000, output: output + extra });
    child.on('error', (e) => done(false, String(e)));
    child.on('close', (status) => done(status === 0));
  });
}

function testFiles(stage: TestStage): string[] {
  const dir = join(PROJECT_ROOT, stage.dir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * What the queue runs for a stage: its files, or for a stage in one process a
 * file that imports them all (the tests still report their own files).
 */
function queuedFiles(stage: TestStage): string[] {
  const files = testFiles(stage);
  if (!stage.oneProcess || !files.length) return files;
  const entry = oneProcessEntry(stage);
  // A file that fails to load is a failed test of its own, and the others still run.
  const load = (f: string) =>
    `try { await import(${JSON.stringify(pathToFileURL(f).href)}); } catch (error) { test(${JSON.stringify(`${relative(PROJECT_ROOT, f)} 无法加载`)}, () => { throw error; }); }\n`;
  writeFileSync(entry, `import { test } from 'node:test';\n${files.map(load).join('')}`);
  return [entry];
}

const oneProcessEntry = (stage: TestStage) => join(shared, `${stage.name}.test.mjs`);

/** A queued file's name in the timings: the project-relative path, or the stage's folder for its one-process entry. */
const timingKey = (file: string) => TESTS.find((s) => file === oneProcessEntry(s))?.dir ?? relative(PROJECT_ROOT, file);

const stageOf = (file: string) =>
  TESTS.find((s) => file.startsWith(join(PROJECT_ROOT, s.dir) + '/') || file === oneProcessEntry(s));

interface Tally {
  passed: number;
  failed: number;
}

/** How long each test file took last time here, to start the longest first next time. */
const FILE_SECONDS = join(PROJECT_ROOT, 'node_modules/.cache/gongkai/test-file-seconds.json');

function readFileSeconds(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(FILE_SECONDS, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * The queue: files without a time yet first (heavier stages, then larger
 * files, first: a fresh clone has no times), then the rest, longest first.
 */
function queue(stages: TestStage[], seconds: Record<string, number>): string[] {
  const known = (file: string) => seconds[timingKey(file)];
  return stages
    .flatMap((stage) => queuedFiles(stage).map((file) => ({ file, weight: stage.weight, size: statSync(file).size })))
    .sort((a, b) => {
      const [ta, tb] = [known(a.file), known(b.file)];
      if (ta === undefined || tb === undefined)
        return ta === tb ? b.weight - a.weight || b.size - a.size : ta === undefined ? -1 : 1;
      return tb - ta;
    })
    .map((f) => f.file);
}

async function runTests(stages: TestStage[]) {
  const seconds = readFileSeconds();
  const files = queue(stages, seconds);
  const tally = new Map<TestStage, Tally>(stages.map((s) => [s, { passed: 0, failed: 0 }]));
  const durations: { name: string; file: string; ms: number }[] = [];
  const start = performance.now();
  if (!files.length) return { tally, durations, ok: true, seconds: 0 };
  const stream = run({ files, concurrency: CONCURRENCY, env, cwd: PROJECT_ROOT });
  let ok = true;
  const count =
    (passed: boolean) => (event: { name: string; file?: string; details: { duration_ms: number; type?: string } }) => {
      if (event.details.type === 'suite' || !event.file) return;
      const stage = stageOf(event.file);
      const t = stage && tally.get(stage);
      if (t) t[passed ? 'passed' : 'failed']++;
      durations.push({ name: event.name, file: event.file, ms: event.details.duration_ms });
    };
  stream.on('test:pass', count(true));
  stream.on('test:fail', count(false));
  stream.on('test:summary', (s: { file?: string; success: boolean; duration_ms: number }) => {
    if (s.file === undefined) ok &&= s.success;
    else seconds[timingKey(s.file)] = Math.round(s.duration_ms / 100) / 10;
  });
  await new Promise<void>((resolve, reject) => {
    stream.compose(spec).pipe(process.stdout, { end: false }).on('error', reject);
    stream.on('end', resolve).on('error', reject);
  });
  if ([...tally.values()].some((t) => t.failed > 0)) ok = false;
  mkdirSync(dirname(FILE_SECONDS), { recursive: true });
  writeFileSync(FILE_SECONDS, `${JSON.stringify(seconds, null, 1)}\n`);
  return { tally, durations, ok, seconds: (performance.now() - start) / 1000 };
}

const started = performance.now();
const commandStages = selected(COMMANDS);
if (commandStages.length) console.log(`\n━━ ${commandStages.map((s) => s.title).join('、')} ━━`);
const commandResults = await Promise.all(commandStages.map(runCommand));
for (const r of commandResults)
  console.log(
    `${r.ok ? '✓' : '✗'} ${r.stage.title}（${r.seconds.toFixed(1)} 秒）${r.ok ? '' : `\n${r.output.trimEnd()}`}`,
  );

const testStages = selected(TESTS);
if (testStages.length) console.log(`\n━━ ${testStages.map((s) => s.title).join('、')} ━━`);
const tests = await runTests(testStages);
rmSync(shared, { recursive: true, force: true });
rmSync(siteCache, { recursive: true, force: true });

const slowest = tests.durations.sort((a, b) => b.ms - a.ms).slice(0, 10);
if (slowest.length) {
  console.log('\n━━ 最慢的 10 个测试 ━━');
  for (const t of slowest)
    console.log(`${(t.ms / 1000).toFixed(1).padStart(6)} 秒  ${t.name}（${relative(PROJECT_ROOT, t.file)}）`);
}

console.log('\n━━ 小结 ━━');
for (const r of commandResults)
  console.log(`${r.ok ? '✓ 通过' : '✗ 失败'}  ${r.stage.title}（${r.seconds.toFixed(1)} 秒）`);
for (const [stage, t] of tests.tally) {
  const mark = t.failed ? '✗ 失败' : t.passed ? '✓ 通过' : '－ 无测试';
  console.log(`${mark}  ${stage.title}（${t.passed} 通过${t.failed ? `，${t.failed} 失败` : ''}）`);
}
console.log(`共 ${((performance.now() - started) / 1000).toFixed(1)} 秒（测试文件 ${CONCURRENCY} 个同时运行）`);
process.exit(tests.ok && commandResults.every((r) => r.ok) ? 0 : 1);
