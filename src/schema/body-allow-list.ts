// What a report body may contain besides Markdown: the authoring components
// with the props each accepts, and a few harmless HTML elements with their
// attributes. This is the allow-list of the restricted MDX: the checks reject
// everything else with a message, and the renderer (src/render/) builds its
// sanitiser schema from the same lists, so nothing outside them reaches a page.

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
  ScoreSheet: {
    description:
      '在原表所在位置显示 frontmatter 中的自评得分表（score_sheet）：一级、二级、三级指标，分值，得分，指标值，完成值，偏差原因',
    props: {},
    children: false,
  },
} as const satisfies Record<string, AuthoringComponent>;

export type AuthoringName = keyof typeof AUTHORING_COMPONENTS;

export const isAuthoringName = (name: string | null | undefined): name is AuthoringName =>
  typeof name === 'string' && Object.hasOwn(AUTHORING_COMPONENTS, name);

/** Harmless inline HTML a transcription may need, with the attributes each may carry. */
export const ALLOWED_HTML: Readonly<Record<string, readonly string[]>> = {
  br: [],
  sup: [],
  sub: [],
  span: ['title', 'lang'],
  abbr: ['title'],
  u: [],
  del: [],
  ins: [],
  mark: [],
  small: [],
  strong: [],
  em: [],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
};

export const isAllowedHtml = (name: string | null | undefined): name is string =>
  typeof name === 'string' && Object.hasOwn(ALLOWED_HTML, name);

/** Attributes that hold an address, judged by the URL policy (url-policy.ts). */
export const URL_ATTRIBUTES: Readonly<Record<string, 'link' | 'image'>> = { href: 'link', src: 'image' };

/** Elements that run code, load other documents or change how the page is read. */
export const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'style',
  'link',
  'base',
  'meta',
  'svg',
  'math',
  'template',
  'noscript',
  'portal',
  'video',
  'audio',
]);
