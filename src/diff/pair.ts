// Which report of the base is which report of the head. Same path first; then
// a report that disappeared from one path and appeared at another is the same
// report renamed or moved when most of its lines are the same (git's 50 %).
import { REPORT_PATH } from '../source/content-root.ts';

export interface ReportText {
  file: string;
  text: string;
}

export interface Pairing {
  pairs: { base: ReportText; head: ReportText; renamed: boolean }[];
  added: ReportText[];
  removed: ReportText[];
}

const RENAME_SIMILARITY = 0.5;
/** Beyond this many removed × added pairs, only identical texts count as renames. */
const MAX_COMPARISONS = 2500;

function lineCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient over non-empty lines: 1 for the same text, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const ca = lineCounts(a);
  const cb = lineCounts(b);
  let common = 0;
  let total = 0;
  for (const n of ca.values()) total += n;
  for (const n of cb.values()) total += n;
  for (const [line, n] of ca) common += Math.min(n, cb.get(line) ?? 0);
  return total === 0 ? 1 : (2 * common) / total;
}

export const isReportPath = (file: string) => REPORT_PATH.test(file) || /^reports\/.*\.mdx?$/.test(file);

export function pairReports(base: readonly ReportText[], head: readonly ReportText[]): Pairing {
  const headByFile = new Map(head.map((r) => [r.file, r]));
  const pairs: Pairing['pairs'] = [];
  const removed: ReportText[] = [];
  for (const b of base) {
    const h = headByFile.get(b.file);
    if (h) {
      pairs.push({ base: b, head: h, renamed: false });
      headByFile.delete(b.file);
    } else removed.push(b);
  }
  const added = [...headByFile.values()];
  const fuzzy = removed.length * added.length <= MAX_COMPARISONS;
  const candidates = removed
    .flatMap((b) => added.map((h) => ({ b, h, score: fuzzy ? similarity(b.text, h.text) : b.text === h.text ? 1 : 0 })))
    .filter((c) => c.score >= RENAME_SIMILARITY)
    .sort((x, y) => y.score - x.score);
  const used = new Set<ReportText>();
  for (const { b, h } of candidates) {
    if (used.has(b) || used.has(h)) continue;
    used.add(b);
    used.add(h);
    pairs.push({ base: b, head: h, renamed: true });
  }
  return {
    pairs: pairs.sort((x, y) => x.head.file.localeCompare(y.head.file)),
    added: added.filter((h) => !used.has(h)),
    removed: removed.filter((b) => !used.has(b)),
  };
}
