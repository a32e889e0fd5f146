// The Chromium engine's layout check: with the viewport as wide as the 版心,
// the first block of the report that sticks out to the right. Self-contained
// like describeElement, which it is given, for the same reason.
export function findOverflow(width: number, describe: (el: Element, root?: ParentNode) => string): string | undefined {
  const blocks = document.querySelectorAll('.document :is(p, li, h1, h2, h3, h4, table, img, pre, figure)');
  for (const el of blocks) if (el.getBoundingClientRect().right > width + 1) return describe(el);
  return undefined;
}
