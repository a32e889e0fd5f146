// withinLimits tells a Playwright time-out from other errors by the error's
// name (the driver is not loaded with it): checked against Playwright's own
// TimeoutError, so a renamed class would fail here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errors } from 'playwright-core';
import { RenderFailure } from '../../../src/print/pdf/failure.ts';
import { withinLimits } from '../../../src/print/pdf/limits.ts';
import type { PrintPage } from '../../../src/print/pdf/print-page.ts';

const page = { crashed: new Promise<never>(() => {}), hasCrashed: () => false } as unknown as PrintPage;
const failing = (error: Error) => () =>
  withinLimits(
    page,
    60_000,
    () => Promise.reject(error),
    async () => '',
  );

test('a Playwright time-out inside the work is the report running out of time, a content problem', async () => {
  await assert.rejects(
    failing(new errors.TimeoutError('page.waitForFunction: Timeout 5000ms exceeded.')),
    (e) => e instanceof RenderFailure && e.kind === 'content' && /^排版超过 60 秒仍未完成，已停止/.test(e.message),
  );
});

test('any other error of the work is passed on as it is', async () => {
  const other = new Error('Protocol error: Target closed');
  await assert.rejects(failing(other), (e) => e === other);
});
