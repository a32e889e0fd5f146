// One side of a diff: a content tree from a git revision (written out to a
// temporary folder) or the work tree, read, checked and parsed once by the
// same code as `npm run check` (scanContent), with its raw report texts.
import { relative } from 'node:path';
import type { Finding } from '../checks/types.ts';
import { UserError } from '../cli/run.ts';
import { extractTree } from '../git/extract-tree.ts';
import { resolveRevision } from '../git/parse-revision.ts';
import type { Repo } from '../git/repo.ts';
import { scanContent, type ScannedReport, type ScanPool, type ScanResult } from '../scan/scan.ts';
import { LAYOUT } from '../source/content-root.ts';
import { diskSource, type ContentSource } from '../source/content-source.ts';
import type { Side } from './diff-types.ts';

export interface Version {
  side: Side;
  source: ContentSource;
  /** The checks' findings and every report that could be read, with its figures and text. */
  scan: ScanResult;
  /** The same, by file (a diff looks each report up several times). */
  reports: ReadonlyMap<string, ScannedReport>;
  findings: ReadonlyMap<string, readonly Finding[]>;
  /** Removes the temporary copy of a revision (nothing for the work tree). */
  release(): Promise<void>;
}

export const WORK_TREE = '工作区';

export function scannedReport(v: Version, file: string | undefined): ScannedReport | undefined {
  return file === undefined ? undefined : v.reports.get(file);
}

export const findingsOf = (v: Version, file: string): readonly Finding[] => v.findings.get(file) ?? [];

async function version(side: Side, root: string, pool: ScanPool, release: () => Promise<void>): Promise<Version> {
  try {
    const scan = await scanContent(root, { cache: false, prose: true, pool });
    const findings = Map.groupBy(scan.findings, (f) => f.file);
    const reports = new Map(scan.scanned.map((r) => [r.file, r]));
    return { side, source: diskSource(root), scan, reports, findings, release };
  } catch (error) {
    await release();
    throw error;
  }
}

export function workTreeVersion(root: string, pool: ScanPool): Promise<Version> {
  return version({ revision: WORK_TREE, commit: null }, root, pool, async () => {});
}

/** Where the content folder sits inside the repository ('' at its top). */
export function contentPrefix(repo: Repo, root: string): string {
  const prefix = relative(repo.dir, root).split('\\').join('/');
  if (prefix.startsWith('..')) throw new UserError(`内容目录 ${root} 不在 git 仓库 ${repo.dir} 之内`);
  return prefix;
}

export async function gitVersion(root: string, revision: string, repo: Repo, pool: ScanPool): Promise<Version> {
  const commit = await resolveRevision(repo, revision);
  const copy = await extractTree(repo, commit, contentPrefix(repo, root));
  return version({ revision, commit }, copy.root, pool, copy.remove);
}

/** Report files of a version with their text, decoded leniently (for pairing renames). */
export async function reportTexts(v: Version): Promise<{ file: string; text: string }[]> {
  const decoder = new TextDecoder('utf-8');
  const files = (await v.source.list(LAYOUT.reports)).files.filter((f) => /\.mdx?$/.test(f));
  return Promise.all(
    files.map(async (file) => ({
      file,
      text: decoder.decode((await v.source.read(file).catch(() => undefined)) ?? new Uint8Array()),
    })),
  );
}

/** site.yaml and the department registry: compared as files. */
export async function otherFiles(v: Version): Promise<Map<string, string>> {
  const decoder = new TextDecoder('utf-8');
  const files = [LAYOUT.site, ...(await v.source.list(LAYOUT.departments)).files];
  const out = new Map<string, string>();
  for (const file of files) {
    const bytes = await v.source.read(file).catch(() => undefined);
    if (bytes) out.set(file, decoder.decode(bytes));
  }
  return out;
}
