// A build is a list of steps run in order into a staging folder; dist/ is only
// replaced when every step succeeded (see build.ts).
import { settings, type Settings } from '../config.ts';
import type { ContentIndex } from '../scan/scan.ts';
import type { Revision } from '../model/revision.ts';
import type { PdfInfo, ReportChange } from '../model/site-input.ts';
import type { OutputRecord, ReusedOutput } from './reused-output.ts';
import type { KnownHashes } from './sha256sums.ts';

export interface BuildContext {
  /** The content tree (content/ or GONGKAI_CONTENT). */
  contentRoot: string;
  /** The checked content: site, departments, the valid reports with their figures and rendered bodies. */
  content: ContentIndex;
  /** The commit checked out (or why there is none); set by the revision step. */
  revision: Revision;
  /** Each content file's commits, newest first; set by the revision step. */
  history: ReadonlyMap<string, readonly ReportChange[]>;
  /** The content files that differ from that commit; set by the revision step. */
  changed: ReadonlySet<string>;
  /** Each report's PDF (by report file), set by the PDF step: the web pages link them with size and pages. */
  pdfs: Map<string, PdfInfo>;
  /** The PDF-cache keys of the PDFs this build made or found (a shard hands them over). */
  pdfKeys: Set<string>;
  /** Whether the print step made the print pages (it does only when PDFs are made from them). */
  printed: boolean;
  /** The report files this build handles: all, or a shard's (--shard). */
  scope: ReadonlySet<string> | undefined;
  /** The site-cache keys of every part this build used (the rest are pruned at the end). */
  usedParts: Set<string>;
  /** Where this build writes; becomes `dest` at the end. */
  outDir: string;
  /** The published folder (dist/). The previous build is still there while steps run. */
  dest: string;
  settings: Settings;
  /** Figures a step measured (seconds, counts), for the benchmark. */
  metrics: Record<string, number>;
  /** The hashes of the files copied from cached parts, for SHA256SUMS. */
  knownHashes: KnownHashes;
  /** The previous output this build started from, when it did (reused-output.ts): steps keep what is already right. */
  reused: ReusedOutput | undefined;
  /** What the output holds, recorded by the last step for the next build to start from. */
  outputRecord: OutputRecord | undefined;
  /** Aborted when the build is interrupted (Ctrl-C): steps stop writing into outDir. */
  signal: AbortSignal;
}

/** A context for running build steps (the build, npm run pdf, tests, the benchmark). */
export function buildContext(fields: {
  contentRoot: string;
  content: ContentIndex;
  outDir: string;
  dest?: string;
  settings?: Settings;
  signal?: AbortSignal;
}): BuildContext {
  return {
    settings: settings(),
    dest: fields.outDir,
    signal: new AbortController().signal,
    ...fields,
    revision: { kind: 'unknown' },
    history: new Map(),
    changed: new Set(),
    pdfs: new Map(),
    pdfKeys: new Set(),
    scope: undefined,
    printed: false,
    usedParts: new Set(),
    metrics: {},
    knownHashes: new Map(),
    reused: undefined,
    outputRecord: undefined,
  };
}

export interface BuildStep {
  name: string;
  /** Shown as “✓ <title>（1.4 秒）”. */
  title: string;
  /** Skip the step (e.g. GONGKAI_PDF=0); the reason is printed instead. */
  skip?(ctx: BuildContext): string | undefined;
  /** Returns an optional one-line summary (“2 页”). */
  run(ctx: BuildContext): Promise<string | void>;
  /**
   * Runs beside the steps after it, which neither need nor touch what it
   * writes; the build waits for it before the first step that reads the output.
   */
  beside?: boolean;
  /**
   * Reads what the others wrote (the sitemap lists the pages, the manifest
   * every file): runs once every step before it and beside it has finished,
   * and what the previous output had and this build did not make is gone.
   */
  readsOutput?: boolean;
}
