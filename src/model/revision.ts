// The source revision a site was built from, handed from the build
// (scripts/lib/build/revision.ts, which asks git) to the pages through one
// environment variable. Pages say honestly what is known: a commit, a commit
// with uncommitted changes, or no git at all.

export const REVISION_ENV = 'GONGKAI_REVISION';

export type Revision =
  | { kind: 'commit'; commit: string; dirty: boolean }
  | { kind: 'none'; reason: string }
  /** Not built by `npm run build` (e.g. `npm run dev`). */
  | { kind: 'unknown' };

export function encodeRevision(revision: Revision): string {
  return JSON.stringify(revision);
}

export function readRevision(env: Record<string, string | undefined> = process.env): Revision {
  const raw = env[REVISION_ENV];
  if (!raw) return { kind: 'unknown' };
  try {
    const r = JSON.parse(raw) as Revision;
    if (r.kind === 'commit' && /^[0-9a-f]{40}$/.test(r.commit))
      return { kind: 'commit', commit: r.commit, dirty: !!r.dirty };
    if (r.kind === 'none' && typeof r.reason === 'string') return r;
  } catch {
    // fall through: an unreadable value is reported as unknown, not trusted
  }
  return { kind: 'unknown' };
}

/** The link to a commit, from site.yaml's commit_url template ("…/commit/{commit}"). */
export function commitUrl(template: string | undefined, commit: string): string | undefined {
  return template?.replace('{commit}', commit);
}

export const shortCommit = (commit: string) => commit.slice(0, 10);
