// Check findings that a change brings or removes. The same scan runs
// on both versions; a finding is the same one when its rule and its text (the
// excerpt, or the message) are the same, wherever its line moved to.
import type { Finding } from '../checks/types.ts';
import type { FindingRef } from './diff-types.ts';

const keyOf = (f: Finding) => `${f.rule}\u0000${f.excerpt ?? f.message}`;

type OpenFinding = Finding & { severity: FindingRef['severity'] };

function ref(f: OpenFinding): FindingRef {
  return { rule: f.rule, severity: f.severity, message: f.message, file: f.file, line: f.line };
}

/** Open (unacknowledged) findings in `head` but not `base`, and the other way round; information (原文未载) is not a problem. */
export function compareFindings(
  base: readonly Finding[],
  head: readonly Finding[],
): { new: FindingRef[]; resolved: FindingRef[] } {
  const open = (fs: readonly Finding[]) => fs.filter((f): f is OpenFinding => !f.acknowledged && f.severity !== 'info');
  const unmatched = (from: OpenFinding[], against: OpenFinding[]) => {
    const pool = new Map<string, number>();
    for (const f of against) pool.set(keyOf(f), (pool.get(keyOf(f)) ?? 0) + 1);
    return from.filter((f) => {
      const n = pool.get(keyOf(f)) ?? 0;
      if (n > 0) pool.set(keyOf(f), n - 1);
      return n === 0;
    });
  };
  const b = open(base);
  const h = open(head);
  return { new: unmatched(h, b).map(ref), resolved: unmatched(b, h).map(ref) };
}
