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
import { fromHtml } from 'hast-util-from-html';
import {
  ALLOWED_HTML,
  AUTHORING_COMPONENTS,
  FORBIDDEN_ELEMENTS,
  type AuthoringComponent,
} from '../schema/body-allow-list.ts';
import { judgeUrl } from '../schema/url-policy.ts';
import { bodyUrls } from '../source/body-urls.ts';
import { eachNode } from '../source/each-node.ts';
import { attributeLiteral, programLiteral } from '../source/jsx.ts';
import { closest } from '../lib/suggest.ts';
import type { BodyRule, Hit } from './types.ts';

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const at = (node: { position?: { start: { offset?: number | undefined } } | undefined }) => ({
  offset: node.position?.start.offset ?? 0,
});

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
    } else if (attributeLiteral(attr) === undefined) {
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
    const value = attributeLiteral(attr);
    if (value === undefined) hits.push(nonLiteralHit(el, attr));
    else if (typeof value !== prop.kind) {
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
  html: Extract<Nodes, { type: 'html' }>[];
}

const indexes = new WeakMap<Root, BodyIndex>();

export function bodyIndex(tree: Root): BodyIndex {
  const cached = indexes.get(tree);
  if (cached) return cached;
  const index: BodyIndex = { jsx: [], esm: [], expressions: [], html: [] };
  eachNode(tree, (node) => {
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
      if (programLiteral(node.data?.estree as Program | undefined) !== undefined) continue;
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
  title: '链接只指向 https:、http:、mailto:、tel: 或本站地址；图片只用内容目录 images/ 中的文件',
  check(tree, { file }) {
    const hits: Hit[] = [];
    for (const { url, use, offset, expression } of bodyUrls(tree)) {
      const verdict = judgeUrl(url, use, file);
      if (verdict.ok) continue;
      const shown = url.length > 40 ? `${url.slice(0, 40)}…` : url;
      hits.push({
        at: { offset },
        message: `${use === 'image' ? '图片' : '链接'}地址不允许：${verdict.reason}（${shown}）${expression ? '；写在 {…} 中的地址也一样检查' : ''}`,
        hint: verdict.hint,
        excerpt: url,
      });
    }
    return hits;
  },
};

/** Whether raw HTML is only comments, line breaks and spaces, read the way a browser reads it. */
function harmlessHtml(value: string): boolean {
  const fragment = fromHtml(value, { fragment: true });
  return fragment.children.every(
    (n) =>
      n.type === 'comment' ||
      (n.type === 'text' && n.value.trim() === '') ||
      (n.type === 'element' && n.tagName === 'br' && Object.keys(n.properties).length === 0),
  );
}

export const mdRawHtml: BodyRule = {
  id: 'md.raw-html',
  severity: 'error',
  title: 'Markdown（.md）报告中没有 HTML 标签（<br> 和注释除外）',
  check(tree) {
    const hits: Hit[] = [];
    for (const node of bodyIndex(tree).html) {
      // A closing tag alone was reported with its opening tag.
      if (/^\s*<\/[a-z][^<>]*>\s*$/i.test(node.value) || harmlessHtml(node.value)) continue;
      hits.push({
        at: at(node),
        message: `Markdown 报告中不允许 HTML：${node.value.length > 40 ? `${node.value.slice(0, 40)}…` : node.value}`,
        hint: '请改用 Markdown 语法；注释之外不能写 HTML 标签。需要组件时把文件改为 .mdx 并使用允许的组件。',
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
