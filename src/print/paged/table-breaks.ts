// Where a table breaks, in Paged.js 0.4.3: rows are never split (break-inside:
// avoid on the cells), but the row it picks is not always the first one that
// crosses the bottom of the page, and a header can be left at the foot of a
// page with no row under it. This handler moves the break to the first row
// that does not fit, or before the whole table when not even its first row
// fits under the header. Paged.js measures overflow with CSS columns: what
// does not fit flows into a column to the right, so an element crossing the
// page end has several client rects, the first being the part on this page.
import { Handler } from 'pagedjs';

function nodeAt(range: Range): Element | null {
  const start = range.startContainer;
  const node = start instanceof Element ? (start.childNodes[range.startOffset] ?? start) : start.parentElement;
  return node instanceof Element ? node : null;
}

export class TableBreaks extends Handler {
  onOverflow(overflow: Range | undefined, _rendered: Element, bounds: DOMRect): Range | undefined {
    if (!overflow) return undefined;
    const node = nodeAt(overflow);
    const table = node?.closest('table');
    if (!node || !table || node.closest('thead')) return undefined;
    const rows = [...table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr, :scope > tr')].filter(
      (r) => r.cells.length > 0,
    );
    const first = rows.find((r) => {
      const part = r.getClientRects()[0];
      return !part || part.bottom > bounds.bottom + 0.5 || part.left >= bounds.right;
    });
    const nothingFits = node.matches('tbody') || first === rows[0];
    if (nothingFits) {
      // Keep the header with at least one row: the whole table moves, unless it already starts the page.
      const top = table.getClientRects()[0]?.top ?? bounds.top;
      if (table.hasAttribute('data-split-from') || top <= bounds.top + 1) return undefined;
      overflow.setStartBefore(table);
    } else if (first) {
      overflow.setStartBefore(first);
    } else {
      return undefined;
    }
    return overflow;
  }
}
