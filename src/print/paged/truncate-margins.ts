// At an unforced page break the margin before the first element of the new
// page is dropped (CSS Fragmentation §5.2; Chromium does so when it pages by
// itself). Paged.js 0.4.3 keeps it, which leaves a blank line at the top of
// the page: this handler drops it as the element is laid out.
import { Handler } from 'pagedjs';

function startsPage(el: Element): boolean {
  for (let e: Element | null = el; e && !e.classList.contains('pagedjs_page_content'); e = e.parentElement) {
    if (e.previousElementSibling) return false;
  }
  return true;
}

export class TruncateMargins extends Handler {
  renderNode(clone: Node): void {
    if (!(clone instanceof HTMLElement) || parseFloat(getComputedStyle(clone).marginTop) === 0) return;
    if (startsPage(clone)) clone.style.marginTop = '0';
  }
}
