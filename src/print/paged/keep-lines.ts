// Paged.js 0.4.3 ignores orphans, widows and break-after: avoid when it breaks
// inside a paragraph. This handler moves the break it chose (the start of the
// overflow range) so that a page never ends with fewer than ORPHANS lines of
// a paragraph, never leaves fewer than WIDOWS lines for the next page, and
// never ends with a heading whose text went to the next page.
// Paged.js measures overflow with CSS columns: the part of a paragraph that
// does not fit flows into the next column, so its first client rect is the
// part on this page and the others are what would move to the next one.
import { Handler } from 'pagedjs';

const ORPHANS = 2;
const WIDOWS = 2;
const BLOCK = 'p, li, h1, h2, h3, h4, h5';
const isHeading = (el: Element | null): el is Element => !!el && /^H[1-5]$/.test(el.tagName);

/** The first character of `block` on this page whose line starts at or below `y`. */
function positionAtLine(block: Element, y: number, right: number): [Text, number] | undefined {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  const range = block.ownerDocument.createRange();
  for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
    for (let i = 0; i < t.length; i++) {
      range.setStart(t, i);
      range.setEnd(t, i + 1);
      const rect = range.getClientRects()[0];
      if (rect && rect.left < right && rect.top >= y - 1) return [t, i];
    }
  }
  return undefined;
}

const top = (el: Element) => el.getClientRects()[0]?.top ?? Number.NEGATIVE_INFINITY;

export class KeepLines extends Handler {
  onOverflow(overflow: Range | undefined, _rendered: Element, bounds: DOMRect): Range | undefined {
    if (!overflow) return undefined;
    const start = overflow.startContainer;
    let breakBefore: Element | undefined;

    if (start instanceof Text && overflow.startOffset > 0) {
      const block = start.parentElement?.closest(BLOCK);
      if (!block || block.closest('table')) return undefined;
      const lineHeight = parseFloat(getComputedStyle(block).lineHeight);
      const parts = [...block.getClientRects()];
      const here = parts[0];
      if (!lineHeight || !here) return undefined;
      const before = Math.round(here.height / lineHeight);
      const after = Math.round(parts.slice(1).reduce((h, r) => h + r.height, 0) / lineHeight);
      if (before < ORPHANS) {
        breakBefore = block;
      } else if (after > 0 && after < WIDOWS && before - (WIDOWS - after) >= ORPHANS) {
        const earlier = positionAtLine(block, here.top + (before - (WIDOWS - after)) * lineHeight, bounds.right);
        if (!earlier) return undefined;
        overflow.setStart(earlier[0], earlier[1]);
        return overflow;
      } else {
        return undefined;
      }
    } else if (!(start instanceof Text)) {
      const el = start.childNodes[overflow.startOffset];
      if (el instanceof Element) breakBefore = el;
    }

    if (!breakBefore) return undefined;
    let target = breakBefore;
    while (isHeading(target.previousElementSibling)) target = target.previousElementSibling;
    if (target === breakBefore && breakBefore === start.childNodes[overflow.startOffset]) return undefined;
    // Only when something stays on this page: otherwise the page could never be filled.
    if (top(target) <= bounds.top + 1) return undefined;
    overflow.setStartBefore(target);
    return overflow;
  }
}
