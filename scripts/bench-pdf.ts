// npm run bench:pdf [-- --reports 100] [--jobs N] [--cli-sample 20] [--rounds 2]
// Measures, side by side in one run and on the same built pages:
//   our pipeline (Paged.js engine, cold, then again with the cache warm),
//   our pipeline with --engine=chromium,
//   bare Chromium page.pdf() on the plain print page (the lower bound), and
//   pagedjs-cli (installed on demand into a cache folder, never a project
//   dependency) on the same print page, one process per report as it is used.
// Prints seconds per report and the ratios the targets are set in, then where
// a report's time goes (loading, the engine's work, page.pdf(), metadata),
// one report at a time, for each way that prints with Chromium. Each way
// runs once per round, the rounds interleaved, and the fastest round counts:
// on a shared machine that is the measure least disturbed by other work. A
// benchmark, not a test: it fails only when something cannot run at all.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { commandArgs } from '../src/cli/args.ts';
import { columns } from './bench/columns.ts';
import type { Page } from 'playwright-core';
import { failed } from '../src/checks/index.ts';
import { contentIndex, scanContent } from '../src/scan/scan.ts';
import { buildContext } from '../src/build/context.ts';
import { printStep } from '../src/build/print-step.ts';
import { chromiumPath, launchChromium } from '../src/print/chromium.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';
import { writeCorpus } from './corpus/write.ts';
import { childEnv, PROJECT_ROOT } from '../src/config.ts';
import { PdfCache } from '../src/print/pdf/pdf-cache.ts';
import { pageUrl, type Engine } from '../src/print/pdf/engines.ts';
import { pdfJobs, type PdfJob } from '../src/print/pdf/jobs.ts';
import { parseJobs } from '../src/print/pdf/options.ts';
import { outcomeOf } from '../src/print/pdf/outcome.ts';
import { renderPdfs } from '../src/print/pdf/render-pdfs.ts';
import { servePrintSite } from '../src/print/pdf/print-server.ts';
import { printPageFile } from '../src/print/print-urls.ts';

const USAGE = 'npm run bench:pdf -- [--reports 100] [--jobs N] [--cli-sample 20] [--rounds 2]';

const PAGEDJS_CLI = 'pagedjs-cli@0.4.3';
const CLI_DIR = resolve(PROJECT_ROOT, 'node_modules/.cache/gongkai/bench/pagedjs-cli');

interface Row {
  name: string;
  reports: number;
  seconds: number;
  note?: string;
}

const perReport = (r: Row) => r.seconds / r.reports;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return (performance.now() - start) / 1000;
}

/** Milliseconds per report, by phase (load, engine, layout, pdf, finish), for the account of where the time goes. */
type Phases = Record<string, number[]>;

const push = (phases: Phases, name: string, ms: number | undefined) => {
  if (ms !== undefined) (phases[name] ??= []).push(ms);
};

/** Bare Chromium: the same plain print page, page.pdf(), nothing else (no checks, no metadata, no cache). */
async function bareChromium(siteDir: string, jobs: readonly PdfJob[], out: string, pool: number, phases?: Phases) {
  const server = await servePrintSite(siteDir, new Map());
  const browser = await launchChromium();
  let next = 0;
  const worker = async () => {
    const page: Page = await browser.newPage();
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const start = performance.now();
      await page.goto(pageUrl('chromium', server.url, job.reportPath), { waitUntil: 'load' });
      const loaded = performance.now();
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      const printed = performance.now();
      await writeFile(join(out, `${job.id.replace('/', '-')}.pdf`), pdf);
      if (phases) {
        push(phases, 'load', loaded - start);
        push(phases, 'pdf', printed - loaded);
        push(phases, 'total', printed - start);
      }
    }
    await page.close();
  };
  try {
    await Promise.all(Array.from({ length: pool }, worker));
  } finally {
    await browser.close();
    await server.close();
  }
}

const median = (values: readonly number[] | undefined) => {
  if (!values?.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
};

/** The table of where a report's time goes: medians per phase, one report at a time. */
function phaseTable(rows: { name: string; phases: Phases }[], count: number): string[] {
  const phases: [string, string][] = [
    ['load', '载入页面'],
    ['engine', '引擎处理'],
    ['layout', '其中 Paged.js 排版'],
    ['pdf', 'page.pdf()'],
    ['finish', '写元数据'],
    ['total', '合计'],
  ];
  const cell = (ms: number | undefined) => (ms === undefined ? '—' : ms.toFixed(0));
  return [
    `每份报告的时间花在哪里（逐份、不并发，前 ${count} 份的中位数，毫秒；“合计”是每份合计的中位数）：`,
    ...columns([
      ['', ...phases.map(([, title]) => title)],
      ...rows.map((r) => [r.name, ...phases.map(([key]) => cell(median(r.phases[key])))]),
    ]),
  ];
}

function installPagedjsCli(): string {
  const bin = join(CLI_DIR, 'node_modules/pagedjs-cli/src/cli.js');
  if (existsSync(bin)) return bin;
  console.log(`安装 ${PAGEDJS_CLI} 到 ${CLI_DIR}（只用于基准，不是项目依赖）…`);
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', CLI_DIR, PAGEDJS_CLI], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: childEnv({ PUPPETEER_SKIP_DOWNLOAD: '1' }),
  });
  return bin;
}

/**
 * pagedjs-cli injects Paged.js as inline script, which the print page's
 * Content-Security-Policy refuses (our pipeline loads Paged.js as a file of
 * the site and runs under the policy). Its copy of the site has the policy
 * removed from the pages it prints; nothing else differs.
 */
async function siteWithoutPolicy(siteDir: string, jobs: readonly PdfJob[], dir: string): Promise<string> {
  await cp(siteDir, dir, { recursive: true });
  for (const job of jobs) {
    const page = join(dir, printPageFile(job.reportPath));
    const html = await readFile(page, 'utf8');
    await writeFile(page, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
  }
  return dir;
}

async function pagedjsCli(bin: string, siteDir: string, jobs: readonly PdfJob[], out: string) {
  const server = await servePrintSite(siteDir, new Map());
  try {
    for (const job of jobs) {
      // Spawned, not exec'd synchronously: the server answering it lives in this process.
      const code = await new Promise<number | null>((done) => {
        const args = [
          bin,
          pageUrl('chromium', server.url, job.reportPath),
          '-o',
          join(out, `${job.id.replace('/', '-')}.pdf`),
        ];
        const child = spawn(
          process.execPath,
          [...args, '--browserArgs=--no-sandbox,--disable-gpu,--disable-dev-shm-usage'],
          {
            stdio: 'ignore',
            env: childEnv({ PUPPETEER_EXECUTABLE_PATH: chromiumPath() ?? 'chromium' }),
          },
        );
        child.on('close', done);
      });
      if (code !== 0) throw new Error(`pagedjs-cli 未能生成 ${job.id}（退出码 ${code}）`);
    }
  } finally {
    await server.close();
  }
}

run(async () => {
  const { values } = commandArgs(
    {
      options: {
        reports: { type: 'string', default: '100' },
        jobs: { type: 'string' },
        'cli-sample': { type: 'string', default: '20' },
        rounds: { type: 'string', default: '2' },
      },
    },
    USAGE,
  );
  const count = Number(values.reports);
  const sample = Number(values['cli-sample']);
  if (!Number.isInteger(count) || count < 1) throw new UserError('--reports 应为正整数');
  if (!Number.isInteger(sample) || sample < 0) throw new UserError('--cli-sample 应为 0 或正整数');
  const concurrency = parseJobs(values.jobs);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UserError('--rounds 应为正整数');

  const work = await mkdtemp(join(tmpdir(), 'gongkai-bench-pdf-'));
  try {
    const contentRoot = join(work, 'content');
    await writeCorpus({ departments: count, years: 1, out: contentRoot, seed: 1, faults: 0 });
    const checks = await scanContent(contentRoot, { render: true });
    if (failed(checks)) throw new Error('合成语料未通过检查');
    const content = contentIndex(checks);
    const jobs = pdfJobs(content);
    const siteDir = join(work, 'site');
    const siteSeconds = await timed(() => printStep.run(buildContext({ contentRoot, content, outDir: siteDir })));
    console.log(
      `PDF 基准：${jobs.length} 份报告（npm run bench:corpus 的合成语料），并发 ${concurrency} 页，` +
        `${availableParallelism()} 核，Chromium ${chromiumPath()}；网站生成 ${siteSeconds.toFixed(1)} 秒（不计入下表）`,
    );

    const ours = async (
      engine: Engine,
      cache: PdfCache | undefined,
      label: string,
      { some = jobs, pool = concurrency }: { some?: readonly PdfJob[]; pool?: number } = {},
    ) => {
      const pdfDir = join(work, label);
      await mkdir(pdfDir, { recursive: true });
      let outcome;
      let pages = 0;
      const phases: Phases = {};
      const seconds = await timed(async () => {
        const results = await renderPdfs({
          siteDir,
          contentRoot,
          pdfDir,
          jobs: some,
          engine,
          concurrency: pool,
          cache,
          timeoutMs: 120_000,
          fontFiles: [],
        });
        outcome = outcomeOf(results);
        pages = results.reduce((n, r) => n + (r.entry?.pages ?? 0), 0);
        for (const { timings: t } of results) {
          if (!t) continue;
          for (const [name, ms] of Object.entries(t)) push(phases, name, ms);
          push(phases, 'total', t.load + t.engine + t.pdf + t.finish);
        }
      });
      if (outcome!.failed.length) throw new Error(`${label}：${outcome!.failed.length} 份失败`);
      return { seconds, summary: outcome!.summary, pages, phases };
    };

    // Warm-up: the first print of a run loads fonts and compiles code; no row pays for it.
    await ours('pagedjs', undefined, 'warm-up-pagedjs');
    await bareChromium(siteDir, jobs.slice(0, 2), await mkdtemp(join(work, 'w-')), 1);

    const best = new Map<string, number>();
    const keep = (name: string, seconds: number) => best.set(name, Math.min(best.get(name) ?? Infinity, seconds));
    const bareDir = join(work, 'bare');
    await mkdir(bareDir);
    let warmSummary = '';
    let averagePages = 0;
    for (let round = 1; round <= rounds; round++) {
      const cache = new PdfCache(join(work, `cache-${round}`));
      const cold = await ours('pagedjs', cache, `cold-${round}`);
      keep('cold', cold.seconds);
      averagePages = cold.pages / jobs.length;
      const warm = await ours('pagedjs', cache, `warm-${round}`);
      keep('warm', warm.seconds);
      warmSummary = warm.summary;
      keep('bare', await timed(() => bareChromium(siteDir, jobs, bareDir, concurrency)));
      keep('chromium', (await ours('chromium', undefined, `engine-chromium-${round}`)).seconds);
      keep('bare-serial', await timed(() => bareChromium(siteDir, jobs, bareDir, 1)));
      console.log(`  第 ${round}/${rounds} 轮完成`);
    }
    // Where a report's time goes, one report at a time: no page waits for another's CPU.
    const some = jobs.slice(0, Math.min(20, jobs.length));
    const bareSerial: Phases = {};
    await bareChromium(siteDir, some, bareDir, 1, bareSerial);
    const phaseRows = [
      {
        name: '本流水线 Paged.js',
        phases: (await ours('pagedjs', undefined, 'phases-pagedjs', { some, pool: 1 })).phases,
      },
      {
        name: '本流水线 --engine=chromium',
        phases: (await ours('chromium', undefined, 'phases-chromium', { some, pool: 1 })).phases,
      },
      { name: '裸 Chromium page.pdf()', phases: bareSerial },
    ];

    const rows: Row[] = [
      { name: '本流水线 Paged.js（冷，无缓存）', reports: jobs.length, seconds: best.get('cold')! },
      { name: '本流水线 Paged.js（缓存命中）', reports: jobs.length, seconds: best.get('warm')!, note: warmSummary },
      { name: '本流水线 --engine=chromium', reports: jobs.length, seconds: best.get('chromium')! },
      {
        name: `裸 Chromium page.pdf()（同为 ${concurrency} 页并发）`,
        reports: jobs.length,
        seconds: best.get('bare')!,
      },
      { name: '裸 Chromium page.pdf()（逐份）', reports: jobs.length, seconds: best.get('bare-serial')! },
    ];

    let cli: Row | undefined;
    if (sample > 0) {
      const bin = installPagedjsCli();
      const cliDir = join(work, 'pagedjs-cli');
      await mkdir(cliDir);
      const some = jobs.slice(0, Math.min(sample, jobs.length));
      const cliSite = await siteWithoutPolicy(siteDir, some, join(work, 'site-for-pagedjs-cli'));
      try {
        cli = {
          name: `pagedjs-cli（前 ${some.length} 份，每份一个进程）`,
          reports: some.length,
          seconds: await timed(() => pagedjsCli(bin, cliSite, some, cliDir)),
        };
        rows.push(cli);
      } catch (error) {
        console.log(`pagedjs-cli 未能运行，表中没有它：${(error as Error).message}`);
      }
    }

    console.log(`\n平均 ${averagePages.toFixed(1)} 页/份（Paged.js 排版）`);
    const table = columns([
      ['方式', '份数', '总秒数', '秒/份', ''],
      ...rows.map((r) => [r.name, String(r.reports), r.seconds.toFixed(2), perReport(r).toFixed(3), r.note ?? '']),
    ]);
    console.log(table.join('\n'));
    const ourCold = perReport(rows[0]!);
    console.log(`\n比值（同一次运行内，各取 ${rounds} 轮中最快的一轮）：`);
    console.log(`  本流水线 / 裸 Chromium（同并发）= ${(ourCold / perReport(rows[3]!)).toFixed(2)}（目标 ≤ 1.15）`);
    console.log(`  本流水线 / 裸 Chromium（逐份）  = ${(ourCold / perReport(rows[4]!)).toFixed(2)}`);
    console.log(`  缓存命中 / 冷                   = ${(perReport(rows[1]!) / ourCold).toFixed(3)}（目标 ≤ 0.05）`);
    console.log(`  --engine=chromium / Paged.js    = ${(perReport(rows[2]!) / ourCold).toFixed(2)}`);
    console.log(
      `  --engine=chromium / 裸 Chromium（同并发）= ${(perReport(rows[2]!) / perReport(rows[3]!)).toFixed(2)}`,
    );
    if (cli) console.log(`  pagedjs-cli / 本流水线          = ${(perReport(cli) / ourCold).toFixed(2)}（目标 ≥ 3.3）`);
    console.log(`\n${phaseTable(phaseRows, some.length).join('\n')}`);
    return EXIT.ok;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
