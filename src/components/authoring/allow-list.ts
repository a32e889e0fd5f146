// The authoring components a report may use in its MDX body, with the props
// each accepts. This is the allow-list of the restricted MDX: the checks read
// it (they cannot import .astro files), and index.ts maps the same names to
// the components the pages render. A test keeps the two in step.

export type PropKind = 'string' | 'number' | 'boolean';

export interface AuthoringComponent {
  /** What it renders, for staff docs. */
  description: string;
  props: Readonly<Record<string, { kind: PropKind; required: boolean; description: string }>>;
  /** Whether it may wrap content (<X>…</X>) or is always self-closing (<X />). */
  children: boolean;
}

export const AUTHORING_COMPONENTS = {
  Fig: {
    description: '引用 frontmatter 中的一个数字，带单位显示，例如 <Fig k="budget.final" /> 显示为“825.75万元”',
    props: { k: { kind: 'string', required: true, description: '数字的位置，例如 budget.final、staffing.actual' } },
    children: false,
  },
  Duties: {
    description: '按“1、2、……”列出 frontmatter 中的职责（duties）',
    props: {},
    children: false,
  },
} as const satisfies Record<string, AuthoringComponent>;

export type AuthoringName = keyof typeof AUTHORING_COMPONENTS;
