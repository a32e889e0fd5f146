// Frontmatter with source positions. The `yaml` package keeps the range of
// every node, so a schema problem at ['budget', 'final'] points at the line
// where staff typed it (Astro's own errors say :0:0).
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { KeyPath } from '../lib/key-path.ts';
import type { Position } from './position.ts';
import type { SourceProblem } from './problem.ts';

export interface Frontmatter {
  data: unknown;
  /** Where a key path is written (its value, or its key if it has none). */
  locate(path: KeyPath): Position;
  /** File offset of the first character of a scalar's text (inside any quotes). */
  textOffset(path: KeyPath): number;
}

export type FrontmatterResult = { ok: true; frontmatter: Frontmatter } | { ok: false; problem: SourceProblem };

/** Aliases beyond this are a "billion laughs" document, not a report. */
const MAX_ALIASES = 50;

const YAML_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: '同一项写了两次',
  BAD_INDENT: '缩进不一致',
  TAB_AS_INDENT: '用了 Tab 缩进，YAML 只能用空格缩进',
  MISSING_CHAR: '缺少配对的引号或括号',
  MULTILINE_IMPLICIT_KEY: '键名不能跨行，可能是冒号后缺少空格或上一行引号未闭合',
  BLOCK_AS_IMPLICIT_KEY: '格式不对，可能是冒号后缺少空格',
  UNEXPECTED_TOKEN: '出现了意外的字符',
  BAD_SCALAR_START: '值的开头字符需要加引号（如 @、`、% 开头的值）',
  BAD_DQ_ESCAPE: '双引号中的转义写法不对',
  ALIAS_PROPS: '别名（*）写法不对',
  BAD_ALIAS: '别名（*）引用了不存在的锚点（&）',
};

export interface FrontmatterOptions {
  /** 0-based offset of the YAML text in the file, for positions. */
  offset: number;
  position: (offset: number) => Position;
}

/**
 * Parses frontmatter with the `yaml` package, once: the data (YAML 1.2 core
 * schema, so dates stay text) and the source range of every node, so a
 * problem at ['budget', 'final'] points at the line where staff typed it.
 */
function parseYamlDocument(yamlText: string) {
  return parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, strict: true });
}

function withPositions(
  data: unknown,
  doc: () => Document,
  { offset, position }: FrontmatterOptions,
  yamlText?: string,
): Frontmatter {
  return {
    data,
    locate: (path) => {
      const top = yamlText !== undefined && path.length === 1 ? topLevelKey(yamlText, String(path[0])) : undefined;
      return position(offset + (top ?? rangeStart(doc(), path)));
    },
    textOffset: (path) => {
      const node = doc().getIn(path, true);
      const quoted = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
      return offset + rangeStart(doc(), path) + (quoted ? 1 : 0);
    },
  };
}

export function parseFrontmatter(yamlText: string, options: FrontmatterOptions): FrontmatterResult {
  const { offset, position } = options;
  const doc = parseYamlDocument(yamlText);
  const error = doc.errors[0];
  if (error) {
    // An unclosed quote is reported where the document ends; point at the line that opened it.
    const opened = error.code === 'MISSING_CHAR' ? unbalancedQuoteLine(yamlText) : undefined;
    const at = position(offset + (opened ?? error.pos[0]));
    const known = YAML_MESSAGES[error.code];
    const colonHint = /^\s*[^:#\s][^:]*：/m.test(yamlText)
      ? '注意：键名后要用英文冒号加空格（“: ”），不能用中文冒号“：”。'
      : '常见原因：冒号后缺空格、缩进不一致、用了中文冒号或 Tab、引号没有配对。';
    return {
      ok: false,
      problem: {
        rule: 'source.yaml',
        message: `frontmatter 的 YAML 语法错误：${known ?? '无法解析'}`,
        hint: `${colonHint}（解析器原文：${error.message.split('\n')[0]}）`,
        at,
      },
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    return {
      ok: false,
      problem: {
        rule: 'source.yaml',
        message: `frontmatter 的别名（*）展开过多（上限 ${MAX_ALIASES}），不像是一份报告的数据`,
        hint: '请直接写出每一项的值，不要使用 & 和 * 别名。',
        at: position(offset),
      },
    };
  }
  return { ok: true, frontmatter: withPositions(data, () => doc, options, yamlText) };
}

/**
 * Where a top-level key's scalar value (or, for a block, the key) is written,
 * found in the text without building the YAML document; undefined when the
 * key is not written plainly at the start of a line.
 */
function topLevelKey(yamlText: string, key: string): number | undefined {
  const m = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:([ \t]*)(.?)`, 'm').exec(yamlText);
  if (!m) return undefined;
  const valueAt = m.index + key.length + 1 + (m[1]?.length ?? 0);
  return m[2] && m[2] !== '#' && m[2] !== '\n' ? valueAt : m.index;
}

/** Offset of the first line with an odd number of double quotes (outside comments). */
function unbalancedQuoteLine(yamlText: string): number | undefined {
  let offset = 0;
  for (const line of yamlText.split('\n')) {
    const code = line.replace(/\s#.*$/, '').replace(/\\"/g, '');
    if ((code.match(/"/g) ?? []).length % 2 === 1) return offset + line.search(/"/);
    offset += line.length + 1;
  }
  return undefined;
}

/** Offset in the YAML text of the deepest node on the path that exists. */
function rangeStart(doc: Document, path: KeyPath): number {
  let node: Node | null | undefined = doc.contents;
  let start = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (!pair) return start;
      const keyNode = pair.key as Node;
      start = keyNode.range?.[0] ?? start;
      node = pair.value as Node | null;
      // A scalar value is pointed at itself; a block or an empty value at its key.
      if (isScalar(node) && node.value !== null && node.range) start = node.range[0];
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return start;
      node = item;
      start = item.range?.[0] ?? start;
    } else {
      return start;
    }
  }
  return start;
}

/** Splits "---\n yaml \n---\n body" ; null when the file has no frontmatter block. */
export function splitFrontmatter(text: string): { yaml: string; yamlOffset: number; bodyOffset: number } | null {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) return null;
  const close = /^---[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return null;
  const yamlOffset = open[0].length;
  const bodyOffset = Math.min(text.length, yamlOffset + m.index + m[0].length + 1);
  return { yaml: rest.slice(0, m.index), yamlOffset, bodyOffset };
}
