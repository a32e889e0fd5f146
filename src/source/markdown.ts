// The one place where report bodies are parsed: checks, positions, restricted
// MDX, import, diff, and the renderer (src/render/render-body.ts) all read
// this tree. Astro never parses a report.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { Position } from './position.ts';
import type { SourceProblem } from './problem.ts';

/**
 * remark-gfm's search for bare addresses in text (“www.…”, “http://…”,
 * e-mail) runs over every text node of the tree: about a millisecond per
 * report, a sixteenth of a check. Such an address always contains “@”,
 * “http://”, “https://” or “www.”, which a text node can only hold when the
 * source does, escapes removed (www\. is www.), or through a character
 * reference (&#64; is @). A body with none of these is parsed without the
 * search: the same tree (test/unit/source/markdown.test.ts).
 */
export const mayHoldBareAddress = (text: string): boolean => {
  const unescaped = text.replaceAll('\\', '');
  return /[@&]|https?:\/\/|www\./i.test(unescaped);
};

/** Without that search: the autolink-literal extension keeps its syntax, not its transform. */
function withoutBareAddressSearch(this: Processor): void {
  const data = this.data();
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? [])
    .flat()
    .map((ext) => (ext.enter && 'literalAutolink' in ext.enter ? { ...ext, transforms: [] } : ext));
}

const parser = (kind: 'md' | 'mdx', search: boolean) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(kind === 'mdx' ? [remarkMdx] : [])
    .use(search ? [] : [withoutBareAddressSearch])
    .freeze();

const PARSERS = {
  md: { search: parser('md', true), plain: parser('md', false) },
  mdx: { search: parser('mdx', true), plain: parser('mdx', false) },
};

export type BodyResult = { ok: true; tree: Root } | { ok: false; problem: SourceProblem };

interface ParseError {
  ruleId?: string;
  reason?: string;
  place?: Position | { start: Position; end: Position };
  line?: number;
  column?: number;
}

const MDX_MESSAGES: Record<string, (reason: string) => string> = {
  'end-tag-mismatch': (r) => {
    const tag = /`<([^>`]*)>`/.exec(r)?.[1];
    return /closing tag for/.test(r)
      ? `标签 <${tag ?? ''}> 没有闭合：请在后面补上 </${tag ?? ''}>，或写成自闭合 <${tag ?? ''} … />`
      : `结束标签与开始标签不匹配${tag ? `（${tag}）` : ''}`;
  },
  'unexpected-closing-slash': () => '多出一个结束标签（</…>），前面没有对应的开始标签',
  'unexpected-eof': () => '标签没有写完（缺少“>”）。若正文里要写小于号“<”，请写成“\\<”或全角“＜”',
  'unexpected-character': () => '标签中有不允许的字符。若正文里要写“<”或“{”，请写成“\\<”“\\{”或全角“＜”“｛”',
  'unexpected-lazy': () => '标签内的缩进或换行不对',
  acorn: () => '花括号 { } 中的内容无法解析。若正文里要写花括号，请写成“\\{”或全角“｛”',
};

/** Parses a report body; .md files are plain Markdown, .mdx files MDX. */
export function parseBody(text: string, kind: 'md' | 'mdx'): BodyResult {
  try {
    return { ok: true, tree: PARSERS[kind][mayHoldBareAddress(text) ? 'search' : 'plain'].parse(text) };
  } catch (error) {
    const e = error as ParseError;
    if (!e.reason) throw error;
    const place = e.place && 'start' in e.place ? e.place.start : e.place;
    // mdast-util-mdx-jsx gives the position of an unclosed tag only in its text: “(3:1-3:12)”.
    const inReason = /\((\d+):(\d+)-\d+:\d+\)/.exec(e.reason);
    const at =
      place ??
      (e.line ? { line: e.line, column: e.column ?? 1 } : undefined) ??
      (inReason ? { line: Number(inReason[1]), column: Number(inReason[2]) } : { line: 1, column: 1 });
    const explain = MDX_MESSAGES[e.ruleId ?? ''];
    return {
      ok: false,
      problem: {
        rule: 'source.mdx',
        message: `MDX 语法错误：${explain ? explain(e.reason) : '无法解析'}`,
        hint: `解析器原文：${e.reason}`,
        at: { line: at.line, column: at.column },
      },
    };
  }
}
