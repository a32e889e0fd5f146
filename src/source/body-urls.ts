// Every address a report body carries, with what it is used for: Markdown
// links and images, reference definitions (an image's when an image uses it),
// and the href/src attributes of HTML elements, literal expressions included.
// The URL rule checks each of them and the media loader resolves the images.
import type { Definition, Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { isAuthoringName, URL_ATTRIBUTES } from '../schema/body-allow-list.ts';
import type { UrlUse } from '../schema/url-policy.ts';
import { eachNode } from './each-node.ts';
import { attributeLiteral } from './jsx.ts';

export interface BodyUrl {
  url: string;
  use: UrlUse;
  /** Source offset of what carries it (the node, or the attribute). */
  offset: number;
  /** Whether the value was written as an expression ({'…'}): the same policy applies. */
  expression?: boolean;
}

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

const offsetOf = (node: { position?: Nodes['position'] }) => node.position?.start.offset ?? 0;

export function bodyUrls(tree: Root): BodyUrl[] {
  const urls: BodyUrl[] = [];
  const definitions: Definition[] = [];
  const imageLabels = new Set<string>();
  eachNode(tree, (node) => {
    switch (node.type) {
      case 'link':
        urls.push({ url: node.url, use: 'link', offset: offsetOf(node) });
        break;
      case 'image':
        urls.push({ url: node.url, use: 'image', offset: offsetOf(node) });
        break;
      case 'definition':
        definitions.push(node);
        break;
      case 'imageReference':
        imageLabels.add(node.identifier);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        urls.push(...attributeUrls(node));
        break;
    }
  });
  // A definition is judged as an image when an image uses it: the stricter policy wins.
  for (const d of definitions)
    urls.push({ url: d.url, use: imageLabels.has(d.identifier) ? 'image' : 'link', offset: offsetOf(d) });
  return urls.sort((a, b) => a.offset - b.offset);
}

function attributeUrls(node: Jsx): BodyUrl[] {
  if (!node.name || isAuthoringName(node.name)) return [];
  const urls: BodyUrl[] = [];
  for (const attr of node.attributes) {
    if (attr.type !== 'mdxJsxAttribute') continue;
    const use = URL_ATTRIBUTES[attr.name.toLowerCase()];
    if (!use) continue;
    const value = attributeLiteral(attr);
    if (value === undefined || value === true) continue; // an expression or a bare name: mdx.attribute says so
    urls.push({
      url: String(value),
      use,
      offset: offsetOf(attr.position ? attr : node),
      ...(typeof attr.value === 'string' ? {} : { expression: true }),
    });
  }
  return urls;
}
