// The text of two versions: how many paragraphs (and headings, table cells)
// changed, and a short excerpt of the first changes for the reviewer.
import { diffArrays } from 'diff';
import type { ProseText } from '../source/prose.ts';
import type { ProseChange, ProseExcerpt } from './diff-types.ts';

const MAX_EXCERPTS = 3;
const CONTEXT = 12;
const MAX_PART = 40;

/** Prose of the body; duties and other frontmatter text are compared as fields. */
function bodyBlocks(blocks: readonly ProseText[] | undefined): ProseText[] {
  return (blocks ?? []).filter((b) => b.kind !== 'field' && b.text.trim() !== '');
}

const clip = (text: string, max = MAX_PART) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** Characters Markdown would read as formatting, escaped for a PR comment. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~[\]<>|#]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/** Numbers and Latin words are compared whole (825.75 → 826.00, not 82~~5~~**6**…); Chinese by character. */
const TOKEN = /[0-9０-９]+(?:[.．,，][0-9０-９]+)*|[A-Za-z]+|[\s\S]/gu;

function tokenDiff(before: string, after: string): { value: string; added: boolean; removed: boolean }[] {
  return diffArrays(before.match(TOKEN) ?? [], after.match(TOKEN) ?? []).map((p) => ({
    value: p.value.join(''),
    added: p.added,
    removed: p.removed,
  }));
}

/** About CONTEXT characters of context, never cutting a number in two. */
function lastTokens(text: string): string {
  const tokens = text.match(TOKEN) ?? [];
  let out = '';
  while (tokens.length && out.length < CONTEXT) out = `${tokens.pop() ?? ''}${out}`;
  return out;
}

function firstTokens(text: string): string {
  const tokens = text.match(TOKEN) ?? [];
  let out = '';
  for (const t of tokens) {
    if (out.length >= CONTEXT) break;
    out += t;
  }
  return out;
}

/** “…上下文~~删去~~**新增**上下文…” around the changes of a paragraph. */
function changedExcerpt(section: string, before: string, after: string): ProseExcerpt {
  const parts = tokenDiff(before, after);
  const first = parts.findIndex((p) => p.added || p.removed);
  let last = first;
  for (let i = first; i < parts.length; i++) if (parts[i]?.added || parts[i]?.removed) last = i;
  // Keep the excerpt short: the changed run, with a little context either side.
  const lead = parts
    .slice(0, first)
    .map((p) => p.value)
    .join('');
  const tail = parts
    .slice(last + 1)
    .map((p) => p.value)
    .join('');
  const middle = parts.slice(first, last + 1);
  const markdown = [
    lead.length > CONTEXT ? `…${escapeMarkdown(lastTokens(lead))}` : escapeMarkdown(lead),
    ...middle.map((p) => {
      const text = escapeMarkdown(clip(p.value));
      if (p.added) return `**${text}**`;
      if (p.removed) return `~~${text}~~`;
      return text;
    }),
    tail.length > CONTEXT ? `${escapeMarkdown(firstTokens(tail))}…` : escapeMarkdown(tail),
  ].join('');
  const beforeText = middle
    .filter((p) => !p.added)
    .map((p) => p.value)
    .join('');
  const afterText = middle
    .filter((p) => !p.removed)
    .map((p) => p.value)
    .join('');
  return { kind: 'changed', section, before: clip(beforeText, 80), after: clip(afterText, 80), markdown };
}

const sectionOf = (b: ProseText) => b.section.join(' › ');

export function compareProse(
  base: readonly ProseText[] | undefined,
  head: readonly ProseText[] | undefined,
): ProseChange {
  const before = bodyBlocks(base);
  const after = bodyBlocks(head);
  const parts = diffArrays(
    before.map((b) => b.text),
    after.map((b) => b.text),
  );
  const result: ProseChange = { changed: 0, added: 0, removed: 0, excerpts: [] };
  let bi = 0;
  let hi = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!part) continue;
    if (!part.added && !part.removed) {
      bi += part.count;
      hi += part.count;
      continue;
    }
    // A removal followed by an addition is a rewrite of those paragraphs, pairwise.
    const removed = part.removed ? part.count : 0;
    const next = part.removed ? parts[i + 1] : undefined;
    const added = part.added ? part.count : next?.added ? next.count : 0;
    if (next?.added) i++;
    const paired = Math.min(removed, added);
    for (let k = 0; k < paired; k++) {
      const b = before[bi + k] as ProseText;
      const h = after[hi + k] as ProseText;
      result.changed++;
      if (result.excerpts.length < MAX_EXCERPTS) result.excerpts.push(changedExcerpt(sectionOf(h), b.text, h.text));
    }
    for (let k = paired; k < added; k++) {
      const h = after[hi + k] as ProseText;
      result.added++;
      if (result.excerpts.length < MAX_EXCERPTS)
        result.excerpts.push({
          kind: 'added',
          section: sectionOf(h),
          before: null,
          after: clip(h.text, 80),
          markdown: `**${escapeMarkdown(clip(h.text))}**`,
        });
    }
    for (let k = paired; k < removed; k++) {
      const b = before[bi + k] as ProseText;
      result.removed++;
      if (result.excerpts.length < MAX_EXCERPTS)
        result.excerpts.push({
          kind: 'removed',
          section: sectionOf(b),
          before: clip(b.text, 80),
          after: null,
          markdown: `~~${escapeMarkdown(clip(b.text))}~~`,
        });
    }
    bi += removed;
    hi += added;
  }
  return result;
}
