// The version of a report's source file that its page was built from: the
// newest commit that changed the file, found by the build
// (src/build/revision-step.ts, which asks git) and handed to the pages with
// the report in the site input. The file's own commit, not the repository's:
// a commit that changes one report leaves every other page as it was, and
// the commit's link shows the change to this report. Pages say honestly what
// is known: a commit, a commit with uncommitted changes to the file, a file
// not yet committed, or no git at all.
import type { ReportChange } from './site-input.ts';

export type Revision =
  | { kind: 'commit'; commit: string; dirty: boolean }
  | { kind: 'none'; reason: string }
  /** Not built by `npm run build` (e.g. `npm run dev`). */
  | { kind: 'unknown' };

/** A revision as handed over, trusted only when well-formed. */
export function trustedRevision(value: unknown): Revision {
  const r = value as Partial<Record<string, unknown>> | undefined;
  if (r?.kind === 'commit' && typeof r.commit === 'string' && /^[0-9a-f]{40}$/.test(r.commit))
    return { kind: 'commit', commit: r.commit, dirty: !!r.dirty };
  if (r?.kind === 'none' && typeof r.reason === 'string') return { kind: 'none', reason: r.reason };
  return { kind: 'unknown' };
}

/**
 * A source file's revision: `repository` is the checkout's (a commit, or why
 * there is none), `history` the commits that changed the file, newest first,
 * `changed` whether the file (or an image it shows) differs from the checkout.
 */
export function sourceRevision(repository: Revision, history: readonly ReportChange[], changed: boolean): Revision {
  if (repository.kind !== 'commit') return repository;
  const newest = history[0];
  if (!newest) return { kind: 'none', reason: '源文件尚未提交到 Git' };
  return { kind: 'commit', commit: newest.commit, dirty: changed };
}

/** The link to a commit, from site.yaml's commit_url template ("…/commit/{commit}"). */
export function commitUrl(template: string | undefined, commit: string): string | undefined {
  return template?.replace('{commit}', commit);
}

export const shortCommit = (commit: string) => commit.slice(0, 10);
