// Restricted MDX: a report body is data, not a program. It may use Markdown,
// GFM tables, a few harmless HTML elements and the allow-listed authoring
// components with literal props. Anything that would run code at build time
// (import/export, {expressions}) or in a reader's browser (<script>, on*
// attributes, javascript: URLs) is rejected before anything is rendered.
import type { Program } from 'estree';
import type { Nodes, Root } from 'mdast';
import type {
  MdxJsxAttribute,
  MdxJsxExpressionAttribute,
  MdxJsxFlowElement,
  MdxJsxTextElement,
} from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { AUTHORING_COMPONENTS, type AuthoringComponent } from '../components/authoring/allow-list.ts';
import { closest } from '../lib/suggest.ts';
import type { BodyRule, Hit } from './types.ts';

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

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const at = (node: { position?: { start: { offset?: number | undefined } } | undefined }) => ({
  offset: node.position?.start.offset ?? 0,
});

function isLiteralProgram(program: Program | undefined): boolean {
  if (!program) return false;
  if (program.body.length === 0) return true; // {/* a comment */}
  const [statement] = program.body;
  return (
    program.body.length === 1 &&
    statement?.type === 'ExpressionStatement' &&
    statement.expression.type === 'Literal' &&
    typeof statement.expression.value !== 'object' // not a RegExp or BigInt literal
  );
}

function literalValue(attr: MdxJsxAttribute): { ok: true; value: string | number | boolean } | { ok: false } {
  if (attr.value === null || attr.value === undefined) return { ok: true, value: true };
  if (typeof attr.value === 'string') return { ok: true, value: attr.value };
  const program = attr.value.data?.estree as Program | undefined;
  const [statement] = program?.body ?? [];
  if (
    program?.body.length === 1 &&
    statement?.type === 'ExpressionStatement' &&
    statement.expression.type === 'Literal'
  ) {
    const v = statement.expression.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { ok: true, value: v };
  }
  return { ok: false };
}

/** The scheme of a URL as a browser would read it ("java\tscript:" is javascript:). */
function schemeOf(url: string): string | undefined {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(compact)?.[1];
}

const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

/** Why a URL may not be used, or undefined when it may. */
export function unsafeUrl(url: string, asImage: boolean): string | undefined {
  const scheme = schemeOf(url);
  if (scheme === 'data') {
    if (asImage && SAFE_DATA_IMAGE.test(url.trim())) return undefined;
    return asImage ? 'data: 图片只允许 PNG、JPEG、GIF、WebP（不允许 SVG 等可含脚本的格式）' : '链接不能使用 data: 地址';
  }
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'tel') {
    if (asImage && (scheme === 'http' || scheme === 'https' || url.startsWith('//')))
      return '图片必须放在本站（公开网站不向第三方发请求）';
    return undefined;
  }
  return `不允许 ${scheme}: 地址`;
}

function checkAttributes(el: JsxElement, allowed: readonly string[], hits: Hit[]): void {
  for (const attr of el.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      hits.push(spreadHit(el, attr));
      continue;
    }
    if (/^on/i.test(attr.name)) continue; // reported by mdx.event-handler
    if (!allowed.includes(attr.name)) {
      hits.push({
        at: at(attr.position ? attr : el),
        message: `<${el.name}> 不允许使用属性 ${attr.name}`,
        hint: allowed.length ? `允许的属性：${allowed.join('、')}。` : `<${el.name}> 不带属性。`,
        excerpt: attr.name,
      });
    } else if (!literalValue(attr).ok) {
      hits.push(nonLiteralHit(el, attr));
    }
  }
}

function spreadHit(el: JsxElement, attr: MdxJsxExpressionAttribute): Hit {
  return {
    at: at(attr.position ? attr : el),
    message: `<${el.name ?? ''}> 中不允许 {…} 展开属性：报告不能包含程序代码`,
    hint: '属性请写成 名称="值" 的形式。',
    excerpt: attr.value,
  };
}

function nonLiteralHit(el: JsxElement, attr: MdxJsxAttribute): Hit {
  return {
    at: at(attr.position ? attr : el),
    message: `<${el.name ?? ''}> 的属性 ${attr.name} 不是固定的值，而是一段程序表达式`,
    hint: `请写成 ${attr.name}="…"（文字）或 ${attr.name}={123}（数字）。`,
    excerpt: attr.name,
  };
}

function checkComponent(el: JsxElement, spec: AuthoringComponent, hits: Hit[]): void {
  const given = new Set<string>();
  for (const attr of el.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      hits.push(spreadHit(el, attr));
      continue;
    }
    given.add(attr.name);
    const prop = spec.props[attr.name];
    if (!prop) {
      const names = Object.keys(spec.props);
      const guess = closest(attr.name, names);
      hits.push({
        at: at(attr.position ? attr : el),
        message: `<${el.name}> 没有属性 ${attr.name}${guess ? `，是不是 ${guess}？` : ''}`,
        hint: names.length ? `<${el.name}> 的属性：${names.join('、')}。` : `<${el.name}> 不带属性。`,
        excerpt: attr.name,
      });
      continue;
    }
    const value = literalValue(attr);
    if (!value.ok) hits.push(nonLiteralHit(el, attr));
    else if (typeof value.value !== prop.kind) {
      hits.push({
        at: at(attr.position ? attr : el),
        message: `<${el.name}> 的属性 ${attr.name} 应为${prop.kind === 'string' ? '文字' : prop.kind === 'number' ? '数字' : 'true/false'}`,
        excerpt: attr.name,
      });
    }
  }
  for (const [name, prop] of Object.entries(spec.props)) {
    if (prop.required && !given.has(name))
      hits.push({ at: at(el), message: `<${el.name}> 缺少属性 ${name}（${prop.description}）`, excerpt: name });
  }
  if (!spec.children && el.children.length > 0)
    hits.push({
      at: at(el),
      message: `<${el.name}> 不包含内容，请写成自闭合的 <${el.name} />`,
      excerpt: el.name ?? '',
    });
}

/** The nodes the rules look at, gathered in one walk per tree (a report has thousands of nodes). */
interface BodyIndex {
  jsx: JsxElement[];
  esm: Extract<Nodes, { type: 'mdxjsEsm' }>[];
  expressions: Extract<Nodes, { type: 'mdxFlowExpression' | 'mdxTextExpression' }>[];
  urls: Extract<Nodes, { type: 'link' | 'definition' | 'image' }>[];
  html: Extract<Nodes, { type: 'html' }>[];
}

const indexes = new WeakMap<Root, BodyIndex>();

export function bodyIndex(tree: Root): BodyIndex {
  const cached = indexes.get(tree);
  if (cached) return cached;
  const index: BodyIndex = { jsx: [], esm: [], expressions: [], urls: [], html: [] };
  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        index.jsx.push(node);
        break;
      case 'mdxjsEsm':
        index.esm.push(node);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        index.expressions.push(node);
        break;
      case 'link':
      case 'definition':
      case 'image':
        index.urls.push(node);
        break;
      case 'html':
        index.html.push(node);
        break;
    }
  });
  indexes.set(tree, index);
  return index;
}

const jsxElements = (tree: Root) => bodyIndex(tree).jsx;

const componentNames = Object.keys(AUTHORING_COMPONENTS);

export const mdxEsm: BodyRule = {
  id: 'mdx.esm',
  severity: 'error',
  title: '正文中没有 import / export（报告不能包含程序代码）',
  check(tree) {
    const hits: Hit[] = [];
    for (const node of bodyIndex(tree).esm) {
      hits.push({
        at: at(node),
        message: `正文中不允许 ${node.value.trimStart().startsWith('export') ? 'export' : 'import'} 语句：报告不能包含程序代码`,
        hint: '可用的组件无需导入；数字请写在 frontmatter 中，用 <Fig k="…" /> 引用。',
        excerpt: node.value.split('\n')[0] ?? '',
      });
    }
    return hits;
  },
};

export const mdxExpression: BodyRule = {
  id: 'mdx.expression',
  severity: 'error',
  title: '正文中没有 {…} 程序表达式（固定的文字或数字除外）',
  check(tree) {
    const hits: Hit[] = [];
    for (const node of bodyIndex(tree).expressions) {
      if (isLiteralProgram(node.data?.estree as Program | undefined)) continue;
      hits.push({
        at: at(node),
        message: `正文中不允许花括号表达式 {${node.value.length > 30 ? `${node.value.slice(0, 30)}…` : node.value}}：报告不能包含程序代码`,
        hint: '若正文里要写花括号，请写成 \\{ 或全角“｛”。',
        excerpt: node.value,
      });
    }
    return hits;
  },
};

export const mdxUnknownComponent: BodyRule = {
  id: 'mdx.unknown-component',
  severity: 'error',
  title: '正文只使用允许的组件和 HTML 元素',
  check(tree) {
    return jsxElements(tree).flatMap((el): Hit[] => {
      const name = el.name;
      if (name && AUTHORING_COMPONENTS[name as keyof typeof AUTHORING_COMPONENTS]) return [];
      if (name && /^[a-z][a-z0-9]*$/.test(name) && (ALLOWED_HTML[name] || FORBIDDEN_ELEMENTS.has(name))) return [];
      const guess = name ? closest(name, componentNames) : undefined;
      return [
        {
          at: at(el),
          message: name ? `不认识的组件或元素 <${name}>${guess ? `，是不是 <${guess}>？` : ''}` : '不允许空标签 <>…</>',
          hint: `报告可用的组件：${componentNames.map((c) => `<${c}>`).join('、')}；HTML 元素：${Object.keys(ALLOWED_HTML).join('、')}。见 docs/报告可用的组件.md。`,
          excerpt: name ?? '<>',
        },
      ];
    });
  },
};

export const mdxForbiddenElement: BodyRule = {
  id: 'mdx.forbidden-element',
  severity: 'error',
  title: '正文中没有 <script>、<iframe>、<object>、<embed>、<form>、<style>、<base>、<meta> 等元素',
  check(tree) {
    return jsxElements(tree).flatMap((el): Hit[] =>
      el.name && FORBIDDEN_ELEMENTS.has(el.name)
        ? [
            {
              at: at(el),
              message: `正文中不允许 <${el.name}>：它会在读者的浏览器中运行代码、嵌入其他页面或改变页面`,
              hint: '请删除该元素。报告只包含文字、表格和允许的组件。',
              excerpt: el.name,
            },
          ]
        : [],
    );
  },
};

export const mdxAttributes: BodyRule = {
  id: 'mdx.attribute',
  severity: 'error',
  title: '组件和 HTML 元素只使用允许的属性，且属性值是固定的文字或数字',
  check(tree) {
    const hits: Hit[] = [];
    for (const el of jsxElements(tree)) {
      const spec = el.name ? AUTHORING_COMPONENTS[el.name as keyof typeof AUTHORING_COMPONENTS] : undefined;
      if (spec) checkComponent(el, spec, hits);
      else if (el.name && ALLOWED_HTML[el.name]) checkAttributes(el, ALLOWED_HTML[el.name] ?? [], hits);
    }
    return hits;
  },
};

export const mdxEventHandler: BodyRule = {
  id: 'mdx.event-handler',
  severity: 'error',
  title: '没有 on… 事件属性（onclick 等）',
  check(tree) {
    return jsxElements(tree).flatMap((el) =>
      el.attributes
        .filter((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && /^on/i.test(a.name))
        .map((a): Hit => ({
          at: at(a.position ? a : el),
          message: `<${el.name ?? ''}> 带有事件属性 ${a.name}：它会在读者的浏览器中运行代码`,
          hint: '请删除该属性。',
          excerpt: a.name,
        })),
    );
  },
};

export const mdxUnsafeUrl: BodyRule = {
  id: 'mdx.unsafe-url',
  severity: 'error',
  title: '链接和图片地址安全（无 javascript:、data: 等，图片不引用外站）',
  check(tree) {
    const hits: Hit[] = [];
    const report = (node: { position?: Nodes['position'] }, url: string, asImage: boolean) => {
      const why = unsafeUrl(url, asImage);
      if (why)
        hits.push({
          at: at(node),
          message: `${why}：${url.length > 40 ? `${url.slice(0, 40)}…` : url}`,
          hint: asImage ? '图片请放在 public/ 下并用 /images/… 引用。' : '链接请用 https:// 地址或站内路径。',
          excerpt: url,
        });
    };
    const { urls, jsx } = bodyIndex(tree);
    for (const node of urls) report(node, node.url, node.type === 'image');
    for (const node of jsx) {
      for (const attr of node.attributes) {
        if (attr.type !== 'mdxJsxAttribute' || (attr.name !== 'href' && attr.name !== 'src')) continue;
        if (typeof attr.value === 'string') report(attr.position ? attr : node, attr.value, attr.name === 'src');
      }
    }
    return hits;
  },
};

export const mdRawHtml: BodyRule = {
  id: 'md.raw-html',
  severity: 'error',
  title: 'Markdown（.md）报告中没有 HTML 标签（<br> 除外）',
  check(tree) {
    const hits: Hit[] = [];
    for (const node of bodyIndex(tree).html) {
      // <br> and comments are harmless; a closing tag was reported with its opening tag.
      if (/^\s*(?:<br\s*\/?>|<!--[\s\S]*?-->|<\/[a-z][^>]*>)\s*$/i.test(node.value)) continue;
      hits.push({
        at: at(node),
        message: `Markdown 报告中不允许 HTML：${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}`,
        hint: '请改用 Markdown 语法；需要组件时把文件改为 .mdx 并使用允许的组件。',
        excerpt: node.value,
      });
    }
    return hits;
  },
};

export const BODY_RULES: readonly BodyRule[] = [
  mdxEsm,
  mdxExpression,
  mdxUnknownComponent,
  mdxForbiddenElement,
  mdxAttributes,
  mdxEventHandler,
  mdxUnsafeUrl,
  mdRawHtml,
];
