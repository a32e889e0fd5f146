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
  /** Characters in a line, as the last whole line had them. */
  let guess = 1;
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
      /** A visible character's box; undefined for white space and for what takes no room. */
      const measured = new Map<number, DOMRect | undefined>();
      const box = (i: number): DOMRect | undefined => {
        if (measured.has(i)) return measured.get(i);
        let rect: DOMRect | undefined;
        if (!/\s/.test(text[i] ?? '')) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          rect = range.getClientRects()[0];
          if (rect?.width === 0) rect = undefined;
        }
        measured.set(i, rect);
        return rect;
      };
      // Measuring every character costs a layout query each (most of this
      // function's time). A line's end is found instead from a few: tops only
      // grow along a text node, so "the next visible character at or after i
      // is still on this line" holds up to the line's end and not after it.
      // A search that stops short of the end is harmless (the rest of the line
      // is the next segment, and moves the end on); one that went past it
      // would end the line on the next one, so "on the line" is only ever
      // said of a character measured on it.
      let i = 0;
      while (i < text.length) {
        let rect = box(i);
        while (!rect && ++i < text.length) rect = box(i);
        if (!rect) break;
        const last = lines.at(-1);
        const starts = !(last && rect.top < last.top + em / 2);
        if (starts) lines.push({ node, offset: i, right: rect.right, top: rect.top });
        else Object.assign(last, { node, offset: i, right: rect.right });
        const line = lines.at(-1) as LineEnd;
        const onLine = (k: number): boolean => {
          for (let j = k; j < text.length; j++) {
            const r = box(j);
            if (r) return r.top < line.top + em / 2;
          }
          return false;
        };
        // The smallest k > i whose next visible character is off the line (or
        // that has none): the line's last visible character is k - 1. Tried
        // first where the previous line ended (body text sits on a grid, so
        // lines are mostly alike), then found by halves.
        let low = i; // on the line
        let high = text.length; // off it
        for (const k of [i + guess - 1, i + guess])
          if (k > low && k < high) {
            if (onLine(k)) low = k;
            else high = k;
          }
        while (low + 1 < high) {
          const mid = (low + high) >> 1;
          if (onLine(mid)) low = mid;
          else high = mid;
        }
        const end = high - 1;
        if (end > i) Object.assign(line, { node, offset: end, right: (box(end) as DOMRect).right });
        // A whole line's length is the next guess.
        if (starts && high < text.length) guess = high - i;
        i = high;
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
