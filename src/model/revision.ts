// The source revision a site was built from, found by the build
// (src/build/revision-step.ts, which asks git) and handed to the pages in the
// site input. Pages say honestly what is known: a commit, a commit with
// uncommitted changes, or no git at all.
import { readSiteInput } from './site-input.ts';

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

/** The revision this build shows, from the build's input; unknown without one (npm run dev). */
export const readRevision = (): Revision => trustedRevision(readSiteInput()?.revision);

/** The link to a commit, from site.yaml's commit_url template ("…/commit/{commit}"). */
export function commitUrl(template: string | undefined, commit: string): string | undefined {
  return template?.replace('{commit}', commit);
}

export const shortCommit = (commit: string) => commit.slice(0, 10);
