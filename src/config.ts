// Where things are on disk (the project, the output, caches) and every
// setting that comes from the environment: this is the one module that reads
// process.env. Everything else asks settings() (or takes a Settings), so the
// variables a deployment can set are listed here and in the README.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(import.meta.url), '../..');

export function distDir(out?: string): string {
  return resolve(out ?? 'dist');
}

/**
 * Where built parts of the site are kept unless GONGKAI_SITE_CACHE names a
 * folder: one cache for every content tree, as for PDFs. A part is kept under
 * the hash of everything that went into it (src/build/part-cache.ts), so a
 * copy of a tree, a branch's checkout or another machine's shard reuses what
 * was built from the same reports, and nothing else.
 */
export const DEFAULT_SITE_CACHE = resolve(PROJECT_ROOT, 'node_modules/.cache/gongkai/site');

type Env = Readonly<Record<string, string | undefined>>;

/** A whole positive number, or undefined when unset or not one. */
function positiveInteger(text: string | undefined): number | undefined {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : undefined;
}

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** Variables that are on unless set to 0. */
const SWITCHES: Record<string, string> = {
  GONGKAI_PDF: '0（不生成 PDF）或 1',
  GONGKAI_CHECK_CACHE: '0（不用检查缓存）或 1',
};
/** Variables that hold a whole positive number. */
const COUNTS = [
  'GONGKAI_PARSE_TIMEOUT_MS',
  'GONGKAI_SITE_JOBS',
  'GONGKAI_PART_SIZE',
  'GONGKAI_INDEX_SHARD_SIZE',
  'GONGKAI_PART_HEAP_MB',
  'GONGKAI_PART_TIMEOUT_S',
];

/**
 * What is wrong with the variables that are set, in Chinese: a typo
 * (GONGKAI_PDF=no, GONGKAI_PART_SIZE=abc) is refused by every command
 * (src/cli/run.ts), never quietly taken for the default, and GONGKAI_CONTENT
 * must name a folder that is there. GONGKAI_PDF_ENGINE,
 * _JOBS and _TIMEOUT are checked where they are used (src/print/pdf/options.ts).
 */
export function settingsProblems(env: Env = process.env, cwd = process.cwd()): string[] {
  const problems: string[] = [];
  const given = (name: string) => env[name] || undefined;
  for (const [name, allowed] of Object.entries(SWITCHES)) {
    const value = given(name);
    if (value !== undefined && value !== '0' && value !== '1')
      problems.push(`环境变量 ${name} 只能是 ${allowed}，现在是“${value}”。`);
  }
  for (const name of COUNTS) {
    const value = given(name);
    if (value !== undefined && positiveInteger(value) === undefined)
      problems.push(`环境变量 ${name} 应为正整数，现在是“${value}”。`);
  }
  const log = given('GONGKAI_ASTRO_LOG');
  if (log !== undefined && !LOG_LEVELS.some((l) => l === log))
    problems.push(`环境变量 GONGKAI_ASTRO_LOG 只能是 ${LOG_LEVELS.join('、')}，现在是“${log}”。`);
  const content = given('GONGKAI_CONTENT');
  if (content !== undefined && !statSync(resolve(cwd, content), { throwIfNoEntry: false })?.isDirectory())
    problems.push(`环境变量 GONGKAI_CONTENT 应指向内容目录，但“${content}”不存在或不是目录。`);
  return problems;
}

export interface Settings {
  /** GONGKAI_CONTENT: the content tree (default content/). */
  contentRoot: string;
  /**
   * GONGKAI_SITE_INPUT: the JSON file the build hands an `astro build` (see
   * src/model/site-input.ts). Unset (npm run dev, astro check), the content
   * loaders read the content tree themselves.
   */
  siteInputFile: string | undefined;
  /** GONGKAI_OUT_DIR: where a plain `astro build` writes (the build passes its own). */
  astroOutDir: string;
  /** GONGKAI_PARSE_TIMEOUT_MS: time one report may take in its worker (default 10 s). */
  parseTimeoutMs: number;
  /** GONGKAI_CHECK_CACHE=0: check every report afresh. */
  checkCache: boolean;
  site: {
    /** GONGKAI_SITE_CACHE=0: build every part of the site afresh. */
    cache: boolean;
    /** GONGKAI_SITE_CACHE=<folder>: where built parts are kept (default DEFAULT_SITE_CACHE; with 0, still where parts are built). */
    cacheDir: string;
    /** GONGKAI_SITE_JOBS: parts built at once (default 2). */
    jobs: number | undefined;
    /** GONGKAI_PART_SIZE, GONGKAI_PART_HEAP_MB, GONGKAI_PART_TIMEOUT_S: see src/build/site-parts.ts. */
    partSize: number | undefined;
    partHeapMb: number | undefined;
    partTimeoutS: number | undefined;
    /** GONGKAI_INDEX_SHARD_SIZE: reports per search index shard, see src/build/search-index.ts. */
    indexShardSize: number | undefined;
    /** GONGKAI_ASTRO_LOG: Astro's log level in the parts (default error). */
    astroLog: (typeof LOG_LEVELS)[number];
  };
  pdf: {
    /** GONGKAI_PDF=0: the build makes no PDFs. */
    enabled: boolean;
    /** GONGKAI_PDF_ENGINE, GONGKAI_PDF_JOBS, GONGKAI_PDF_TIMEOUT: as written, checked by src/print/pdf/options.ts. */
    engine: string | undefined;
    jobs: string | undefined;
    timeout: string | undefined;
    /** GONGKAI_PDF_CACHE: a cache folder, or '0' for none. */
    cache: string | undefined;
  };
  /** GONGKAI_CHROMIUM: the browser for PDFs and tests (default /usr/bin/chromium). */
  chromium: string | undefined;
  /** GONGKAI_GITLAB_TOKEN and GitLab CI's own variables, for the merge-request note. */
  gitlab: {
    token: string | undefined;
    api: string | undefined;
    project: string | undefined;
    mergeRequest: string | undefined;
  };
  /** CI: running in continuous integration (no live progress lines; browser tests must run). */
  ci: boolean;
  /** NO_COLOR: no colours in terminal output. */
  noColor: boolean;
  /** Seams for tests and the benchmark: GONGKAI_PAUSE_AFTER=<step>, GONGKAI_BUILD_TIMINGS=<file>. */
  pauseAfter: string | undefined;
  buildTimingsFile: string | undefined;
}

export function readSettings(env: Env = process.env, cwd = process.cwd()): Settings {
  const astroLog = LOG_LEVELS.find((l) => l === env.GONGKAI_ASTRO_LOG) ?? 'error';
  return {
    contentRoot: resolve(cwd, env.GONGKAI_CONTENT || 'content'),
    siteInputFile: env.GONGKAI_SITE_INPUT || undefined,
    astroOutDir: env.GONGKAI_OUT_DIR || 'dist',
    parseTimeoutMs: positiveInteger(env.GONGKAI_PARSE_TIMEOUT_MS) ?? 10_000,
    checkCache: env.GONGKAI_CHECK_CACHE !== '0',
    site: {
      cache: env.GONGKAI_SITE_CACHE !== '0',
      cacheDir:
        env.GONGKAI_SITE_CACHE && env.GONGKAI_SITE_CACHE !== '0'
          ? resolve(cwd, env.GONGKAI_SITE_CACHE)
          : DEFAULT_SITE_CACHE,
      jobs: positiveInteger(env.GONGKAI_SITE_JOBS),
      partSize: positiveInteger(env.GONGKAI_PART_SIZE),
      partHeapMb: positiveInteger(env.GONGKAI_PART_HEAP_MB),
      partTimeoutS: positiveInteger(env.GONGKAI_PART_TIMEOUT_S),
      indexShardSize: positiveInteger(env.GONGKAI_INDEX_SHARD_SIZE),
      astroLog,
    },
    pdf: {
      enabled: env.GONGKAI_PDF !== '0',
      engine: env.GONGKAI_PDF_ENGINE || undefined,
      jobs: env.GONGKAI_PDF_JOBS || undefined,
      timeout: env.GONGKAI_PDF_TIMEOUT || undefined,
      cache: env.GONGKAI_PDF_CACHE || undefined,
    },
    chromium: env.GONGKAI_CHROMIUM || undefined,
    gitlab: {
      token: env.GONGKAI_GITLAB_TOKEN || undefined,
      api: env.CI_API_V4_URL || undefined,
      project: env.CI_PROJECT_ID || undefined,
      mergeRequest: env.CI_MERGE_REQUEST_IID || undefined,
    },
    ci: Boolean(env.CI),
    noColor: Boolean(env.NO_COLOR),
    pauseAfter: env.GONGKAI_PAUSE_AFTER || undefined,
    buildTimingsFile: env.GONGKAI_BUILD_TIMINGS || undefined,
  };
}

/** The environment of a child process: this process's, with the given variables added or replaced. */
export const childEnv = (extra: Env = {}): NodeJS.ProcessEnv => ({ ...process.env, ...extra });

/** The settings of this process, read now (a part process is handed its site input before Astro starts). */
export const settings = (): Settings => readSettings();

/** The content tree of this process: content/ or GONGKAI_CONTENT. */
export const contentRoot = (): string => settings().contentRoot;

/** In a site part's process, before Astro starts: the site input this build renders. */
export function handOverSiteInput(file: string): void {
  process.env.GONGKAI_SITE_INPUT = file;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
}
