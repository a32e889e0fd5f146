// The authoring components of the allow-list (src/schema/body.ts) as HTML:
// what <Fig k="…" /> and <Duties /> in a report body become on the page and in
// the PDF. They read only the validated figures; their props are literals.
import type { Element, ElementContent } from 'hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { DERIVED_MARK, shownFigure } from '../figures/derived.ts';
import type { AuthoringName } from '../schema/body-allow-list.ts';
import type { Report } from '../schema/report.ts';
import { attributeLiteral } from '../source/jsx.ts';
import { scoreSheetElement } from './score-sheet.ts';

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

const text = (value: string): ElementContent => ({ type: 'text', value });

function prop(node: Jsx, name: string): string | undefined {
  for (const attr of node.attributes)
    if (attr.type === 'mdxJsxAttribute' && attr.name === name) {
      const value = attributeLiteral(attr);
      return typeof value === 'string' ? value : undefined;
    }
  return undefined;
}

/**
 * <Fig k="budget.final" />: the figure with its unit, its exact value for
 * machines; a computed one with its mark (“（计算）”), one the original does
 * not state as 原文未写.
 */
function fig(node: Jsx, data: Report): ElementContent[] | undefined {
  const k = prop(node, 'k');
  const figure = k === undefined ? undefined : shownFigure(data, k);
  if (!k || !figure) return undefined; // mdx.fig-key has said so
  if (figure.value === null)
    return [
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['not-stated'], dataFig: k },
        children: [text(figure.shown)],
      },
    ];
  const value: Element = {
    type: 'element',
    tagName: 'data',
    properties: { value: figure.value, dataFig: k },
    children: [text(figure.text)],
  };
  return figure.source === 'derived' ? [value, text(DERIVED_MARK)] : [value];
}

/** <Duties />: the duties of the frontmatter, numbered “1、” as real text (copy, search and PDF keep it). */
function duties(data: Report): Element {
  return {
    type: 'element',
    tagName: 'ol',
    properties: { className: ['duties'] },
    children: data.duties.map((duty, i) => ({
      type: 'element',
      tagName: 'li',
      properties: {},
      children: [
        { type: 'element', tagName: 'span', properties: { className: ['duties__n'] }, children: [text(`${i + 1}、`)] },
        text(duty),
      ],
    })),
  };
}

export function renderComponent(name: AuthoringName, node: Jsx, data: Report): ElementContent[] | undefined {
  switch (name) {
    case 'Fig':
      return fig(node, data);
    case 'Duties':
      return [duties(data)];
    case 'ScoreSheet':
      return data.score_sheet.length ? [scoreSheetElement(data)] : undefined;
  }
}
