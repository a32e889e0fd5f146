// The readable text of a report body: headings, paragraphs and table cells,
// each with the heading chain above it and a map back to source offsets, so a
// text rule can point at the exact sentence.
import type { Heading, Nodes, Root, TableCell } from 'mdast';

/** 'field' is prose kept in frontmatter (the duties list), rendered by a component. */
export type BlockKind = 'heading' | 'paragraph' | 'cell' | 'field';

interface Segment {
  /** Index in the block text where this segment starts. */
  at: number;
  /** Source offset of that character. */
  offset: number;
  length: number;
}

export interface ProseBlock {
  kind: BlockKind;
  /** Heading depth, for kind 'heading'. */
  depth?: number;
  text: string;
  /** Titles of the headings this block sits under, outermost first. */
  section: string[];
  /** Source offset of a character of `text`. */
  offsetOf(index: number): number;
}

/** A block's text without its source map: what can travel between threads (the diff compares these). */
export type ProseText = Pick<ProseBlock, 'kind' | 'text' | 'section'>;

export interface Sentence {
  block: ProseBlock;
  /** Index of the sentence in its block's text. */
  start: number;
  text: string;
}

/** Stands in for an inline component such as <Fig k="…" /> in the text. */
export const OBJECT_MARK = '\uFFFC';

function collect(node: Nodes, out: { text: string; segments: Segment[] }): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode': {
      const offset = node.position?.start.offset;
      if (offset !== undefined) out.segments.push({ at: out.text.length, offset, length: node.value.length });
      out.text += node.value;
      return;
    }
    case 'break':
      out.text += '\n';
      return;
    case 'mdxJsxTextElement':
      if (node.children.length === 0) {
        const offset = node.position?.start.offset;
        if (offset !== undefined) out.segments.push({ at: out.text.length, offset, length: 1 });
        out.text += OBJECT_MARK;
        return;
      }
      break;
    case 'mdxTextExpression':
    case 'html':
      return;
  }
  if ('children' in node) for (const child of node.children) collect(child as Nodes, out);
}

function block(kind: BlockKind, node: Nodes, section: string[], depth?: number): ProseBlock {
  const out = { text: '', segments: [] as Segment[] };
  collect(node, out);
  const { segments } = out;
  const fallback = node.position?.start.offset ?? 0;
  return {
    kind,
    ...(depth === undefined ? {} : { depth }),
    text: out.text,
    section,
    offsetOf(index) {
      let seg: Segment | undefined;
      for (const s of segments) {
        if (s.at > index) break;
        seg = s;
      }
      if (!seg) return fallback;
      return seg.offset + Math.min(index - seg.at, Math.max(0, seg.length - 1));
    },
  };
}

/** A frontmatter string as prose: its characters map one to one onto the file. */
export function fieldBlock(text: string, offset: number, section: string[]): ProseBlock {
  return { kind: 'field', text, section, offsetOf: (index) => offset + Math.min(index, Math.max(0, text.length - 1)) };
}

export function proseBlocks(tree: Root): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const headings: { depth: number; title: string }[] = [];
  const section = () => headings.map((h) => h.title);
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') {
      const h = block('heading', node, section(), (node as Heading).depth);
      while (headings.length && (headings.at(-1)?.depth ?? 0) >= node.depth) headings.pop();
      headings.push({ depth: node.depth, title: h.text.trim() });
      blocks.push({ ...h, section: section().slice(0, -1) });
      return;
    }
    if (node.type === 'paragraph') {
      blocks.push(block('paragraph', node, section()));
      return;
    }
    if (node.type === 'tableCell') {
      blocks.push(block('cell', node as TableCell, section()));
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return blocks;
}

const SENTENCE_END = /[。！？；!?]+[”’」』）)]*/g;

/** Splits a block into sentences at 。！？； (keeping the mark with its sentence). */
export function sentences(b: ProseBlock): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const m of b.text.matchAll(SENTENCE_END)) {
    const end = m.index + m[0].length;
    pushSentence(out, b, start, end);
    start = end;
  }
  pushSentence(out, b, start, b.text.length);
  return out;
}

function pushSentence(out: Sentence[], b: ProseBlock, start: number, end: number): void {
  const raw = b.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (text) out.push({ block: b, start: start + lead, text });
}
