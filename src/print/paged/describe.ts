// Names an element of the report for a person: what it is, the start of its
// text and the heading it sits under, e.g. 表格“审核意见 审核结论…”（在“六、…”之下）.
// Self-contained (no module-level references), because the Chromium engine
// runs it in the print page by its source text (src/print/pdf/engines.ts).
export function describeElement(el: Element, root: ParentNode = el.ownerDocument): string {
  const kinds: Record<string, string> = {
    TABLE: '表格',
    THEAD: '表头',
    TBODY: '表格',
    TR: '表格行',
    TD: '表格单元格',
    TH: '表格单元格',
    P: '段落',
    LI: '列表项',
    OL: '列表',
    UL: '列表',
    H1: '标题',
    H2: '一级标题',
    H3: '二级标题',
    H4: '三级标题',
    IMG: '图片',
    PRE: '代码块',
    FIGURE: '图',
  };
  const excerpt = (text: string, max: number) => {
    const t = text.replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max)}…` : t;
  };
  let heading: Element | undefined;
  for (const h of root.querySelectorAll('h1, h2, h3, h4')) {
    if (h === el || h.contains(el) || !(h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    heading = h;
  }
  const kind = kinds[el.tagName] ?? `<${el.tagName.toLowerCase()}>`;
  const text = excerpt(el.textContent ?? '', 20);
  const under = heading ? `（在“${excerpt(heading.textContent ?? '', 16)}”之下）` : '';
  return `${kind}${text ? `“${text}”` : ''}${under}`;
}
