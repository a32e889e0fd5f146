// When a PDF came out with Type 3 fonts, which elements were drawn with a
// fallback font, one that is in none of the print font stacks (Chromium
// picked it for characters the stacks' fonts lack; Debian's CJK fallback is
// OpenType/CFF and embeds as Type 3). Asked of the browser through the
// DevTools protocol (CSS.getPlatformFontsForNode), so only on failure.
import type { Page } from 'playwright-core';
import { describeElement } from '../paged/describe.ts';

const TEXT_BLOCKS = '.document :is(h1, h2, h3, h4, h5, p, li, th, td, strong, data, time, span)';
const SHOWN = 3;

export async function fallbackFonts(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: TEXT_BLOCKS });
    const stacks = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return ['body', 'title', 'heading', 'subheading', 'page-number'].map((r) =>
        style.getPropertyValue(`--font-${r}`),
      );
    });
    const known = new Set(
      stacks
        .join(',')
        .split(',')
        .map((f) => f.trim().replace(/^["']|["']$/g, '')),
    );
    const found: string[] = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const strangers = fonts.filter((f) => !known.has(f.familyName)).map((f) => f.familyName);
      if (!strangers.length) continue;
      const { object } = await cdp.send('DOM.resolveNode', { nodeId });
      const text = object.objectId
        ? ((
            await cdp.send('Runtime.callFunctionOn', {
              objectId: object.objectId,
              functionDeclaration: `function () { return (${describeElement.toString()})(this); }`,
              returnByValue: true,
            })
          ).result.value as string)
        : '';
      found.push(`${text}用了字体栈以外的 ${[...new Set(strangers)].join('、')}`);
      if (found.length >= SHOWN) break;
    }
    return found;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
