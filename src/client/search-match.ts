// What counts as a search hit, separated from the page script so it can be
// unit-tested: every term of the query must occur verbatim in the page text
// (case-insensitive for Latin letters), and the excerpt marks each occurrence.

/** The query's terms, lower-cased: words split at spaces, a quoted phrase ("…" or “…”) kept whole. */
export function terms(query: string): string[] {
  const found: string[] = [];
  for (const m of query.toLowerCase().matchAll(/"([^"]*)"|“([^”]*)”|([^\s"“”]+)/g)) {
    const term = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (term) found.push(term);
  }
  return found;
}

export function containsAll(text: string, words: readonly string[]): boolean {
  const t = text.toLowerCase();
  return words.length > 0 && words.every((w) => t.includes(w));
}

export interface Segment {
  text: string;
  mark: boolean;
}

/** A passage of about `context` characters around the first hit, cut into marked and plain segments. */
export function excerptSegments(content: string, words: readonly string[], context = 40): Segment[] {
  const lower = content.toLowerCase();
  const positions = words.map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  if (positions.length === 0) return [{ text: content.slice(0, context * 2), mark: false }];
  const first = Math.min(...positions);
  const start = Math.max(0, first - context);
  const end = Math.min(content.length, first + context * 2);
  const text = content.slice(start, end);
  const segments: Segment[] = [];
  if (start > 0) segments.push({ text: '…', mark: false });
  const pattern = new RegExp(
    [...words]
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'gi',
  );
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > at) segments.push({ text: text.slice(at, m.index), mark: false });
    segments.push({ text: m[0], mark: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  if (end < content.length) segments.push({ text: '…', mark: false });
  return segments;
}
