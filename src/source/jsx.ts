// The values a report may give JSX attributes and expressions: literals only
// (name="text", n={3}, {'text'}, {/* comment */}). Read once here for the
// checks, which reject anything else, and the renderer, which uses nothing else.
import type { Program } from 'estree';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';

export type Literal = string | number | boolean;

/** The literal an estree program holds, `null` for an empty one (a comment), undefined when it is code. */
export function programLiteral(program: Program | undefined | null): Literal | null | undefined {
  if (!program) return undefined;
  if (program.body.length === 0) return null;
  const [statement] = program.body;
  if (program.body.length !== 1 || statement?.type !== 'ExpressionStatement') return undefined;
  const { expression } = statement;
  if (expression.type !== 'Literal') return undefined;
  const v = expression.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/** An attribute's literal value (a bare attribute is `true`), or undefined when it is an expression. */
export function attributeLiteral(attr: MdxJsxAttribute): Literal | undefined {
  if (attr.value === null || attr.value === undefined) return true;
  if (typeof attr.value === 'string') return attr.value;
  const literal = programLiteral(attr.value.data?.estree as Program | undefined);
  return literal === null ? undefined : literal;
}
