// A report body as HTML: the one renderer of content for the web page, the
// print page (and so the PDF) and search. It takes the tree the checks
// validated (src/source/markdown.ts), never the file: nothing in content/ is
// compiled or imported.
//
//   mdast ──(our handlers: components, allowed HTML, the URL policy)──► hast
//         ──(hast-util-sanitize with the allow-list schema)──► heading ids ──► HTML
//
// The handlers already build only what the allow-list admits; the sanitiser
// is the second lock: a tag, attribute or protocol not in sanitize-schema.ts
// never reaches the page, whatever a handler did.
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Nodes as HastNodes, Properties, Root as HastRoot } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Html, Image, ImageReference, Link, LinkReference, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import { toHast, type Handlers, type State } from 'mdast-util-to-hast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { Program } from 'estree';
import { ALLOWED_HTML, isAllowedHtml, isAuthoringName, URL_ATTRIBUTES } from '../schema/body-allow-list.ts';
import type { Report } from '../schema/report.ts';
import { judgeUrl, type UrlUse } from '../schema/url-policy.ts';
import { attributeLiteral, programLiteral } from '../source/jsx.ts';
import { mediaUrl, type MediaFile } from '../source/media.ts';
import { renderComponent } from './components.ts';
import { SANITIZE_SCHEMA } from './sanitize-schema.ts';

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface RenderedBody {
  html: string;
  headings: Heading[];
}

export interface RenderContext {
  /** The report's path in the content tree (images are resolved from it). */
  file: string;
  data: Report;
  media: readonly MediaFile[];
}

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** An address as the page may carry it, or undefined when the policy refuses it. */
function address(raw: string, use: UrlUse, ctx: RenderContext): string | undefined {
  const verdict = judgeUrl(raw, use, ctx.file);
  if (!verdict.ok) return undefined;
  if (verdict.kind === 'content') {
    const file = ctx.media.find((m) => m.path === verdict.path);
    return file ? mediaUrl(file) : undefined;
  }
  return normalizeUri(verdict.url);
}

function handlersFor(ctx: RenderContext): Handlers {
  const image = (state: State, node: Image | ImageReference, url: string | undefined, title?: string | null) => {
    const src = url === undefined ? undefined : address(url, 'image', ctx);
    if (!src) return undefined;
    const properties: Properties = { src, alt: node.alt ?? '' };
    if (title) properties.title = title;
    const result: Element = { type: 'element', tagName: 'img', properties, children: [] };
    state.patch(node, result);
    return result;
  };
  const link = (state: State, node: Link | LinkReference, url: string | undefined, title?: string | null) => {
    const children = state.all(node);
    const href = url === undefined ? undefined : address(url, 'link', ctx);
    if (!href) return children; // the words stay, the link goes
    const properties: Properties = { href };
    if (title) properties.title = title;
    const result: Element = { type: 'element', tagName: 'a', properties, children };
    state.patch(node, result);
    return result;
  };
  const definition = (state: State, identifier: string) => state.definitionById.get(identifier.toUpperCase());
  const expression = (_: State, node: MdxFlowExpression | MdxTextExpression): ElementContent | undefined => {
    const value = programLiteral(node.data?.estree as Program | undefined);
    // As in MDX: strings and numbers show, booleans and comments do not; code is never run.
    return typeof value === 'string' || typeof value === 'number' ? { type: 'text', value: String(value) } : undefined;
  };
  const jsx = (state: State, node: Jsx): ElementContent | ElementContent[] | undefined => {
    if (isAuthoringName(node.name)) return renderComponent(node.name, node, ctx.data);
    if (!isAllowedHtml(node.name)) return undefined;
    const allowed = ALLOWED_HTML[node.name] ?? [];
    const properties: Properties = {};
    for (const attr of node.attributes) {
      if (attr.type !== 'mdxJsxAttribute' || !allowed.includes(attr.name)) continue;
      const value = attributeLiteral(attr);
      if (typeof value !== 'string' && typeof value !== 'number') continue;
      const use = URL_ATTRIBUTES[attr.name];
      const final = use ? address(String(value), use, ctx) : String(value);
      if (final !== undefined) properties[attr.name] = final;
    }
    if (node.name === 'img' && properties.src === undefined) return undefined;
    const children = node.name === 'img' || node.name === 'br' ? [] : state.all(node);
    if (node.name === 'a' && properties.href === undefined) return children;
    const result: Element = { type: 'element', tagName: node.name, properties, children };
    state.patch(node, result);
    return result;
  };
  return {
    image: (state, node: Image) => image(state, node, node.url, node.title),
    imageReference: (state, node: ImageReference) => {
      const d = definition(state, node.identifier);
      return image(state, node, d?.url, d?.title);
    },
    link: (state, node: Link) => link(state, node, node.url, node.title),
    linkReference: (state, node: LinkReference) => {
      const d = definition(state, node.identifier);
      return d ? link(state, node, d.url, d.title) : state.all(node);
    },
    // Raw HTML is never passed through: in a .md report only a line break is honoured.
    html: (_state, node: Html) =>
      /^\s*<br\s*\/?>\s*$/i.test(node.value)
        ? { type: 'element', tagName: 'br', properties: {}, children: [] }
        : undefined,
    mdxjsEsm: () => undefined,
    mdxFlowExpression: expression,
    mdxTextExpression: expression,
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
  };
}

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c as HastNodes)).join('') : '';
}

/** Heading ids as GitHub (and Astro) make them, unique within the report; the headings for the table of contents. */
function addHeadingIds(tree: HastRoot): Heading[] {
  const slugger = new GithubSlugger();
  const headings: Heading[] = [];
  const visit = (node: HastNodes) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && node.properties.id === undefined) {
      const text = textOf(node).trim();
      const slug = slugger.slug(text);
      node.properties.id = slug;
      headings.push({ depth: Number(node.tagName[1]), slug, text });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as HastNodes);
  };
  visit(tree);
  return headings;
}

export function renderBody(tree: Root, ctx: RenderContext): RenderedBody {
  const hast = toHast(tree, {
    handlers: handlersFor(ctx),
    allowDangerousHtml: false,
    clobberPrefix: 'user-content-',
    footnoteLabel: '注释',
    footnoteLabelProperties: { className: ['visually-hidden'] },
    footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
      `返回正文第 ${referenceIndex + 1} 处注释引用${rereferenceIndex > 1 ? `（第 ${rereferenceIndex} 次）` : ''}`,
  }) as HastRoot;
  const clean = sanitize(hast, SANITIZE_SCHEMA) as HastRoot;
  const headings = addHeadingIds(clean);
  return { html: toHtml(clean), headings };
}
