// npm run bench [-- --sizes 100,1000,10000] [--quick] [--pdf-max 1000] [--incremental-max 1000]
//               [--against-bare] [--rounds 2]
// Builds deterministic corpora of each size and measures, in one run and on
// this machine: the check (cold and cached), the site build (cold: every cache
// off) with its peak memory and log length, the part spent on search indexes,
// the PDFs (cold and cached) for the smaller sizes, and a rebuild after one
// report's figure changed, as a fraction of the full build. Prints one table,
// with the growth from size to size, and writes the same figures as JSON to
// bench/results/. A benchmark, not a test: it fails only when something
// cannot run at all.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { commandArgs } from '../src/cli/args.ts';
import { writeBareSite } from './bench/bare-site.ts';
import { measure, type Measured } from './bench/measure.ts';
import { largestHtmlPage } from './bench/page-sizes.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';
import { editOneReport, type Edit } from './corpus/edit.ts';
import { writeCorpus } from './corpus/write.ts';
import { columns } from './bench/columns.ts';
import { BUILD_STEPS } from '../src/build/steps.ts';
import { PROJECT_ROOT } from '../src/config.ts';

const USAGE =
  'npm run bench -- [--sizes 100,1000,10000] [--quick] [--pdf-max 1000] [--incremental-max 1000] [--against-bare] [--rounds 2]';

interface StepTiming {
  step: string;
  seconds: number;
  summary: string;
}

interface RebuildResult {
  edit: Edit;
  seconds: number;
  /** The rebuild's own steps and site metrics, to tell where its time goes. */
  steps: StepTiming[];
  metrics: Record<string, number>;
}

interface SizeResult {
  reports: number;
  check: { coldSeconds: number; cachedSeconds: number; peakRssMb: number };
  build: {
    seconds: number;
    peakRssMb: number;
    msPerReport: number;
    logLines: number;
    steps: StepTiming[];
    /** The largest HTML page, gzipped. */
    largestPage: { path: string; gzipKb: number };
    /** Site parts, and seconds summed over them (two run at a time): rendering, search indexes, merging. */
    metrics: Record<string, number>;
  };
  pdf?: { coldSeconds: number; cachedSeconds: number; secondsPerReport: number };
  incremental?: {
    fullBuildSeconds: number;
    /** One report edited, then the site rebuilt: a paragraph added, then its figures corrected. */
    edits: RebuildResult[];
    /** Whether the site after the edits is byte for byte a clean build's (the same SHA256SUMS). */
    sameAsClean: boolean;
  };
  /** With --against-bare: ours and a bare Astro + MDX + Pagefind site, same corpus, alternating, best of the rounds. */
  bare?: { oursSeconds: number; oursPeakRssMb: number; bareSeconds: number; barePeakRssMb: number; rounds: number };
}

const node = process.execPath;
const script = (name: string) => join(PROJECT_ROOT, 'scripts', `${name}.ts`);
// Cold for the site means its cache emptied first (clearCaches). Each corpus
// has a site cache of its own, not the one other builds use (in the project,
// where a site cache must be).
const COLD = { GONGKAI_CHECK_CACHE: '0', GONGKAI_PDF_CACHE: '0' };
const siteCacheOf = (content: string) =>
  join(PROJECT_ROOT, 'node_modules/.cache/gongkai/bench', `site-cache-${basename(content)}`);

function ok(m: Measured, what: string): Measured {
  if (m.status !== 0) throw new Error(`${what} 失败（退出码 ${m.status}）：\n${m.stdout}\n${m.stderr}`);
  return m;
}

async function timedBuild(content: string, out: string, env: Record<string, string>) {
  const timingsFile = join(tmpdir(), `gongkai-bench-timings-${process.pid}.json`);
  const m = ok(
    await measure(node, [script('build'), '--out', out], {
      GONGKAI_CONTENT: content,
      GONGKAI_BUILD_TIMINGS: timingsFile,
      GONGKAI_SITE_CACHE: siteCacheOf(content),
      ...env,
    }),
    '构建',
  );
  const { steps, metrics } = JSON.parse(await readFile(timingsFile, 'utf8')) as {
    steps: StepTiming[];
    metrics: Record<string, number>;
  };
  await rm(timingsFile, { force: true });
  return { m, steps, metrics };
}

const stepSeconds = (steps: StepTiming[], name: string) => steps.find((s) => s.step === name)?.seconds ?? 0;

async function clearCaches(content: string): Promise<void> {
  await rm(siteCacheOf(content), { recursive: true, force: true });
}

/** The bare site's build and index, one after the other: total seconds and the larger peak. */
async function bareBuild(content: string): Promise<Measured> {
  const dir = join(PROJECT_ROOT, 'node_modules/.cache/gongkai/bench/bare');
  let seconds = 0;
  let peakRssMb = 0;
  for (const [command, args] of await writeBareSite(dir, content)) {
    const m = ok(await measure(command, args, { ASTRO_TELEMETRY_DISABLED: '1' }), '对照站点');
    seconds += m.seconds;
    peakRssMb = Math.max(peakRssMb, m.peakRssMb);
  }
  return { status: 0, seconds, peakRssMb, stdout: '', stderr: '' };
}

/** Ours (site only, every cache off) and the bare site, alternating, best of `rounds` each. */
async function againstBare(content: string, out: string, rounds: number): Promise<NonNullable<SizeResult['bare']>> {
  let ours: Measured | undefined;
  let bare: Measured | undefined;
  for (let i = 0; i < rounds; i++) {
    await clearCaches(content);
    const o = (await timedBuild(content, out, { ...COLD, GONGKAI_PDF: '0' })).m;
    const b = await bareBuild(content);
    if (!ours || o.seconds < ours.seconds) ours = o;
    if (!bare || b.seconds < bare.seconds) bare = b;
  }
  return {
    oursSeconds: ours?.seconds ?? 0,
    oursPeakRssMb: ours?.peakRssMb ?? 0,
    bareSeconds: bare?.seconds ?? 0,
    barePeakRssMb: bare?.peakRssMb ?? 0,
    rounds,
  };
}

async function benchSize(
  n: number,
  work: string,
  pdfMax: number,
  incrementalMax: number,
  bareRounds: number,
): Promise<SizeResult> {
  const content = join(work, `corpus-${n}`);
  const out = join(work, `dist-${n}`);
  process.stdout.write(`\n规模 ${n}：生成语料…`);
  await writeCorpus({ departments: n, years: 1, out: content, seed: 1, lastYear: 2024 });
  await clearCaches(content);

  process.stdout.write(' 检查…');
  const checkCold = ok(
    await measure(node, [script('check')], { GONGKAI_CONTENT: content, GONGKAI_CHECK_CACHE: '0' }),
    '检查',
  );
  await measure(node, [script('check')], { GONGKAI_CONTENT: content }); // fills the cache
  const checkCached = ok(await measure(node, [script('check')], { GONGKAI_CONTENT: content }), '检查');

  process.stdout.write(' 网站…');
  const site = await timedBuild(content, out, { ...COLD, GONGKAI_PDF: '0' });
  const result: SizeResult = {
    reports: n,
    check: { coldSeconds: checkCold.seconds, cachedSeconds: checkCached.seconds, peakRssMb: checkCold.peakRssMb },
    build: {
      seconds: site.m.seconds,
      peakRssMb: site.m.peakRssMb,
      msPerReport: (site.m.seconds * 1000) / n,
      logLines: site.m.stdout.split('\n').filter(Boolean).length + site.m.stderr.split('\n').filter(Boolean).length,
      steps: site.steps,
      metrics: site.metrics,
      largestPage: await largestHtmlPage(out),
    },
  };

  let fullBuildSeconds = site.m.seconds;
  if (n <= pdfMax) {
    process.stdout.write(' PDF…');
    const cold = await timedBuild(content, out, { GONGKAI_PDF_CACHE: join(work, `pdf-cache-${n}`) });
    const cached = await timedBuild(content, out, { GONGKAI_PDF_CACHE: join(work, `pdf-cache-${n}`) });
    const coldPdf = stepSeconds(cold.steps, 'pdf');
    result.pdf = {
      coldSeconds: coldPdf,
      cachedSeconds: stepSeconds(cached.steps, 'pdf'),
      secondsPerReport: coldPdf / n,
    };
    fullBuildSeconds = site.m.seconds + coldPdf;
  }

  if (n <= incrementalMax) {
    process.stdout.write(' 增量…');
    const pdfEnv = n <= pdfMax ? { GONGKAI_PDF_CACHE: join(work, `pdf-cache-${n}`) } : { GONGKAI_PDF: '0' };
    await timedBuild(content, out, pdfEnv); // everything cached
    const edits: RebuildResult[] = [];
    for (const edit of ['paragraph', 'figures'] as const) {
      await editOneReport(content, 'd00001', 2024, edit);
      const again = await timedBuild(content, out, pdfEnv);
      edits.push({ edit, seconds: again.m.seconds, steps: again.steps, metrics: again.metrics });
    }
    // The rebuilt site must be the site a clean build makes: else its numbers mean nothing.
    const clean = `${out}-clean`;
    await timedBuild(content, clean, { ...pdfEnv, GONGKAI_SITE_CACHE: '0', GONGKAI_CHECK_CACHE: '0' });
    const [a, b] = await Promise.all([out, clean].map((d) => readFile(join(d, 'SHA256SUMS'), 'utf8')));
    await rm(clean, { recursive: true, force: true });
    if (a !== b) throw new Error(`改一份报告后重建的网站与全新构建的不同（${out} 与全新构建的 SHA256SUMS 不一致）`);
    result.incremental = { fullBuildSeconds, edits, sameAsClean: a === b };
  }
  if (bareRounds > 0) {
    process.stdout.write(' 对照（裸 Astro）…');
    result.bare = await againstBare(content, out, bareRounds);
  }
  await clearCaches(content);
  process.stdout.write(' 完成\n');
  return result;
}

const f1 = (x: number) => x.toFixed(1);
const exponent = (a: number, b: number, na: number, nb: number) => Math.log(b / a) / Math.log(nb / na);

function table(results: SizeResult[]): string {
  const rows = [
    [
      '报告数',
      '检查（冷）',
      '检查（缓存）',
      '网站构建',
      '峰值内存',
      '每份报告',
      '搜索索引',
      'PDF 冷/缓存',
      '改一份：段落 / 数字',
      '日志行数',
      '最大网页',
    ],
    ...results.map((r) => [
      String(r.reports),
      `${f1(r.check.coldSeconds)} s`,
      `${f1(r.check.cachedSeconds)} s`,
      `${f1(r.build.seconds)} s`,
      `${(r.build.peakRssMb / 1024).toFixed(2)} GB`,
      `${r.build.msPerReport.toFixed(1)} ms`,
      `${f1(r.build.metrics['site.index-seconds'] ?? 0)} s`,
      r.pdf ? `${f1(r.pdf.coldSeconds)} / ${f1(r.pdf.cachedSeconds)} s` : '—',
      r.incremental ? r.incremental.edits.map((e) => `${f1(e.seconds)} s`).join(' / ') : '—',
      String(r.build.logLines),
      `${f1(r.build.largestPage.gzipKb)} KB`,
    ]),
  ];
  const lines = columns(rows, { names: false });
  const growth = results.slice(1).map((r, i) => {
    const p = results[i] as SizeResult;
    const t = r.build.seconds / p.build.seconds;
    const m = r.build.peakRssMb / p.build.peakRssMb;
    return `${p.reports} → ${r.reports}：构建时间 ×${t.toFixed(2)}（指数 ${exponent(p.build.seconds, r.build.seconds, p.reports, r.reports).toFixed(2)}），峰值内存 ×${m.toFixed(2)}（指数 ${exponent(p.build.peakRssMb, r.build.peakRssMb, p.reports, r.reports).toFixed(2)}），检查 ×${(r.check.coldSeconds / p.check.coldSeconds).toFixed(2)}`;
  });
  const bare = results.flatMap((r) =>
    r.bare
      ? [
          `${r.reports} 份：本项目 ${f1(r.bare.oursSeconds)} s / ${(r.bare.oursPeakRssMb / 1024).toFixed(2)} GB，` +
            `裸 Astro + MDX + Pagefind ${f1(r.bare.bareSeconds)} s / ${(r.bare.barePeakRssMb / 1024).toFixed(2)} GB；` +
            `时间比 ${(r.bare.oursSeconds / r.bare.bareSeconds).toFixed(2)}，内存比 ${(r.bare.oursPeakRssMb / r.bare.barePeakRssMb).toFixed(2)}` +
            `（交替运行 ${r.bare.rounds} 轮，各取最快）`,
        ]
      : [],
  );
  return [
    ...(bare.length ? ['与裸 Astro 对照（同一语料、同一次运行）：', ...bare, ''] : []),
    ...lines,
    '',
    ...growth,
    '',
    ...results.map(
      (r) =>
        `${r.reports} 份中最大的网页（gzip 后）：${r.build.largestPage.path}，${f1(r.build.largestPage.gzipKb)} KB`,
    ),
    ...results.flatMap((r) =>
      r.incremental
        ? [
            ...r.incremental.edits.map((e) => rebuildLine(r.reports, e)),
            `改一份后重建的网站与全新构建逐字节相同（SHA256SUMS 一致）。`,
          ]
        : [],
    ),
  ].join('\n');
}

const EDITS: Record<Edit, string> = { paragraph: '加一句话', figures: '改正一个数字（数据与正文一致）' };

/** Where a one-report rebuild's time goes: “改一份（加一句话）后重建 1000 份：6.2 s；各步骤 检查 0.9 s、网站 4.2 s（…）”. */
function rebuildLine(reports: number, r: RebuildResult): string {
  const title = (step: string) =>
    step === 'check' ? '检查' : (BUILD_STEPS.find((s) => s.name === step)?.title ?? step);
  const steps = r.steps.filter((s) => s.seconds >= 0.05).map((s) => `${title(s.step)} ${f1(s.seconds)} s`);
  const site = [
    ['site.render-seconds', '生成'],
    ['site.merge-seconds', '合并'],
    ['site.index-seconds', '搜索索引'],
  ]
    .filter(([key]) => r.metrics[key!] !== undefined)
    .map(([key, name]) => `${name} ${f1(r.metrics[key!]!)} s`);
  return `改一份（${EDITS[r.edit]}）后重建 ${reports} 份：${f1(r.seconds)} s；各步骤 ${steps.join('、')}${site.length ? `（网站中：${site.join('、')}）` : ''}`;
}

run(async () => {
  const { values } = commandArgs(
    {
      options: {
        sizes: { type: 'string', default: '100,1000,10000' },
        quick: { type: 'boolean', default: false },
        'pdf-max': { type: 'string', default: '1000' },
        'incremental-max': { type: 'string', default: '1000' },
        out: { type: 'string', default: 'bench/results' },
        'against-bare': { type: 'boolean', default: false },
        rounds: { type: 'string', default: '2' },
        work: { type: 'string' },
      },
    },
    USAGE,
  );
  const sizes = (values.quick ? '100' : values.sizes).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new UserError(`--sizes 应为逗号分隔的正整数，收到 ${values.sizes}`);
  const work = resolve(values.work ?? join(tmpdir(), 'gongkai-bench'));
  await mkdir(work, { recursive: true });
  const results: SizeResult[] = [];
  for (const n of sizes)
    results.push(
      await benchSize(
        n,
        work,
        Number(values['pdf-max']),
        Number(values['incremental-max']),
        values['against-bare'] ? Math.max(1, Number(values.rounds) || 2) : 0,
      ),
    );
  const text = table(results);
  console.log(`\n${text}`);
  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? '',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const outDir = resolve(values.out);
  await mkdir(outDir, { recursive: true });
  const record = { date: new Date().toISOString(), machine, results };
  const name = `bench-${record.date.replace(/[:.]/g, '-')}.json`;
  await writeFile(join(outDir, name), `${JSON.stringify(record, null, 2)}\n`);
  await writeFile(join(outDir, 'latest.json'), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`\n结果已写入 ${join(outDir, name)}`);
  return EXIT.ok;
});
