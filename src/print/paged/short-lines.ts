// Only full lines are justified. Body text sits on a grid of 28 characters a
// line, so a line of Chinese fills the 版心 by itself; justification only has
// to absorb what half-width digits and Latin leave over, a fraction of a
// character. But when a long unbreakable run ("101.25%；") does not fit, the
// line ends several characters short, and justifying it letter-spaces every
// character ("科 技 型 中 小 企 业 备 案"). Such a line keeps its natural
// spacing and ends short instead: an empty inline block after its last
// character takes up the slack, so justification has nothing left to spread.
//
// Used by both engines: the Paged.js preview runs it once the pages are laid
// out; the Chromium engine evaluates it in the print page (its source text is
// sent to the page, so it is self-contained: no imports, nothing from outside).
// Returns how many lines it settled.
export function settleShortLines(root: ParentNode): number {
  /** A line at most this much (in ems) short of the measure is justified; a shorter one is not. */
  const MAX_SLACK_EM = 1;
  /** Kept free at the end of a settled line, so rounding never pushes the filler onto the next line. */
  const SAFETY_PX = 2;
  const doc = root.ownerDocument ?? (root as Document);
  const html = doc.documentElement;

  interface LineEnd {
    node: Text;
    /** Offset of the line's last visible character in node. */
    offset: number;
    right: number;
    top: number;
  }
  interface Settle {
    end: LineEnd;
    width: number;
  }

  const blocks = [...root.querySelectorAll<HTMLElement>('.document p, .document li')].filter(
    (el) => getComputedStyle(el).textAlign === 'justify',
  );
  // Measured with every block set ragged (print.css), to see each line's natural length.
  html.setAttribute('data-settling-lines', '');
  const todo: Settle[] = [];
  const range = doc.createRange();
  for (const block of blocks) {
    const style = getComputedStyle(block);
    const em = parseFloat(style.fontSize);
    const right =
      block.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
    const lines: LineEnd[] = [];
    const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (node.parentElement?.closest('p, li') !== block) continue;
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i] ?? '')) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        const last = lines.at(-1);
        if (last && rect.top < last.top + em / 2) Object.assign(last, { node, offset: i, right: rect.right });
        else lines.push({ node, offset: i, right: rect.right, top: rect.top });
      }
    }
    // The block's last line is not justified, unless the block goes on on the next page (Paged.js marks it).
    const candidates = block.hasAttribute('data-split-to') ? lines : lines.slice(0, -1);
    for (const end of candidates) {
      const slack = right - end.right;
      const atForcedBreak = end.offset === end.node.length - 1 && end.node.nextSibling?.nodeName === 'BR';
      if (slack > MAX_SLACK_EM * em && !atForcedBreak) todo.push({ end, width: slack - SAFETY_PX });
    }
  }
  // Later positions first: splitting a text node leaves the offsets before the split valid.
  for (const { end, width } of todo.reverse()) {
    const filler = doc.createElement('span');
    filler.className = 'line-fill';
    filler.setAttribute('aria-hidden', 'true');
    filler.style.width = `${width}px`;
    const rest = end.node.splitText(end.offset + 1);
    rest.before(filler);
  }
  html.removeAttribute('data-settling-lines');
  return todo.length;
}
