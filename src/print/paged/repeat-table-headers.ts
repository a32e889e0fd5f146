// Paged.js 0.4.3 does not repeat a table's <thead> on continuation pages, and
// adding it after a page is laid out pushes rows off the page unseen (Paged.js
// issues #36, #139, #149, #206). So the header goes in while the page is laid
// out: when the first node of a continuation table is rendered (the table was
// rebuilt from its source, marked data-split-from), a copy of the source
// header is inserted, and the rows are measured below it.
import { Handler } from 'pagedjs';

export class RepeatTableHeaders extends Handler {
  renderNode(clone: Node, node: Node): void {
    if (!(clone instanceof Element) || !(node instanceof Element)) return;
    if (node.closest('thead')) return;
    const table = clone.closest('table[data-split-from]');
    if (!table || table.querySelector(':scope > thead')) return;
    const header = node.closest('table')?.querySelector(':scope > thead');
    if (!header) return;
    const copy = header.cloneNode(true) as Element;
    // A copy, not the source header: no data-ref, so Paged.js never maps a
    // break back into it and the completeness check does not count it twice.
    for (const el of [copy, ...copy.querySelectorAll('[data-ref]')]) el.removeAttribute('data-ref');
    copy.setAttribute('data-repeated', '');
    table.insertBefore(copy, table.querySelector(':scope > tbody, :scope > tr'));
  }
}
