// After Paged.js has laid out the pages: is every element of the source on a
// page, is no table row there twice, does nothing stick out of the 版心?
// Paged.js itself only logs such failures to the console and carries on.
import type { Flow } from 'pagedjs';
import { describeElement } from './describe.ts';

export interface LayoutProblem {
  kind: 'lost' | 'duplicated' | 'overflow' | 'layout';
  element: string;
  page?: number;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, table, tr, img, pre, figure, ol, ul, div.signoff';

export function checkLayout(flow: Flow, pagesRoot: ParentNode): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const seen = new Map<string, number>();
  for (const el of pagesRoot.querySelectorAll<HTMLElement>('[data-ref]')) {
    const ref = el.dataset.ref ?? '';
    seen.set(ref, (seen.get(ref) ?? 0) + 1);
  }
  const source = flow.source;
  for (const el of source.querySelectorAll<HTMLElement>('[data-ref]')) {
    const count = seen.get(el.dataset.ref ?? '') ?? 0;
    if (count === 0) problems.push({ kind: 'lost', element: describeElement(el, source) });
    else if (count > 1 && el.tagName === 'TR')
      problems.push({ kind: 'duplicated', element: describeElement(el, source) });
  }

  flow.pages.forEach((page, i) => {
    const area = page.area.getBoundingClientRect();
    for (const el of page.area.querySelectorAll(BLOCKS)) {
      const box = el.getBoundingClientRect();
      if (box.right > area.right + 1 || box.bottom > area.bottom + 1) {
        problems.push({ kind: 'overflow', element: describeElement(el, pagesRoot), page: i + 1 });
        break;
      }
    }
  });
  return problems;
}
