// The sanitiser's allow-list: every tag, attribute and URL protocol that a
// rendered report body may contain. Markdown and GFM make the first group, the
// allowed HTML of src/schema/body.ts the second, our components the third.
// Anything else is removed from the tree before it becomes HTML.
import type { Schema } from 'hast-util-sanitize';
import { ALLOWED_HTML } from '../schema/body-allow-list.ts';

type AttributeList = NonNullable<Schema['attributes']>[string];

/** Ids are ours alone: GFM footnotes get the prefix (and one label), headings get theirs after sanitising. */
const footnoteId: AttributeList[number] = ['id', /^user-content-/];
const footnoteLabel: AttributeList[number] = ['id', 'footnote-label'];

const MARKDOWN: Record<string, AttributeList> = {
  p: [],
  h1: [],
  h2: [footnoteLabel, ['className', 'visually-hidden']],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  blockquote: [],
  ul: [],
  ol: ['start', ['className', 'duties']],
  li: [footnoteId],
  pre: [],
  code: [['className', /^language-[a-z0-9-]+$/]],
  hr: [],
  br: [],
  a: [
    'href',
    'title',
    footnoteId,
    'dataFootnoteRef',
    'dataFootnoteBackref',
    ['ariaDescribedBy', 'footnote-label'],
    'ariaLabel',
  ],
  img: ['src', 'alt', 'title'],
  strong: [],
  em: [],
  del: [],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: [['align', 'left', 'center', 'right']],
  td: [['align', 'left', 'center', 'right']],
  sup: [],
  section: ['dataFootnotes', ['className', 'footnotes']],
};

const COMPONENTS: Record<string, AttributeList> = {
  data: ['value', 'dataFig'],
  span: [['className', 'duties__n', 'not-stated'], 'dataFig'],
  // <ScoreSheet />: the table in its own scrolling region (as TableScroll.astro), so a phone never scrolls sideways.
  div: [
    ['className', 'table-scroll'],
    ['role', 'region'],
    ['ariaLabel', '自评得分表'],
    ['tabIndex', 0],
  ],
  table: [['className', 'score-sheet']],
  caption: [],
  tr: [['className', 'score-sheet__total']],
  th: [
    'scope',
    'colSpan',
    ['className', 'num', 'score-sheet__level', 'score-sheet__name', 'score-sheet__value', 'score-sheet__note'],
  ],
  td: ['rowSpan', 'colSpan', ['className', 'num']],
};

function merged(): Record<string, AttributeList> {
  const out: Record<string, AttributeList> = { ...MARKDOWN };
  for (const [tag, attributes] of Object.entries(ALLOWED_HTML)) out[tag] = [...(out[tag] ?? []), ...attributes];
  for (const [tag, attributes] of Object.entries(COMPONENTS)) out[tag] = [...(out[tag] ?? []), ...attributes];
  return out;
}

const attributes = merged();

export const SANITIZE_SCHEMA: Schema = {
  tagNames: Object.keys(attributes),
  attributes,
  ancestors: { tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
  // Relative addresses (/reports/…, #…, /media/…) are always allowed; these are the only schemes.
  protocols: { href: ['http', 'https', 'mailto', 'tel'], src: [] },
  // Elements whose content goes with them, should one ever slip into a tree.
  strip: ['script', 'style'],
  clobber: [],
  required: {},
  allowComments: false,
  allowDoctypes: false,
};
