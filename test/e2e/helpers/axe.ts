// axe-core in the page, once per audit: its source is evaluated in the page
// and axe.run returns only what the tests read. @axe-core/playwright evaluates
// the source twice and hands every node of every passed rule back to Node,
// which made an audit take 1–3 s instead of about 0.5 s.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeAudit {
  violations: { id: string; impact: string | null; help: string; targets: string[] }[];
  /** How many rules found something to check and passed. */
  passed: number;
}

export async function axeAudit(page: Page, tags: readonly string[]): Promise<AxeAudit> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: [...values] },
      resultTypes: ['violations'],
    });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      })),
      passed: result.passes.length,
    };
  }, tags);
}
