// Chromium keeps only the last --disable-features (and --enable-features) it is
// given. Ours come after Playwright's, so they must repeat every feature
// Playwright turns off (and on): read here
// from what the installed Playwright passes to the program it launches (a
// script that writes its arguments down), so an upgrade that changes the list
// fails here instead of quietly turning features back on.
import assert from 'node:assert/strict';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import {
  CHROMIUM_ARGS,
  PLAYWRIGHT_DISABLED_FEATURES,
  PLAYWRIGHT_ENABLED_FEATURES,
} from '../../../src/print/chromium.ts';
import { tempDir } from '../../helpers/content.ts';

/** The arguments Playwright launches a browser with, given ours. */
async function launchArguments(args: string[]): Promise<string[]> {
  const dir = await tempDir();
  const program = join(dir, 'chromium');
  await writeFile(program, `#!/bin/sh\nprintf '%s\\n' "$@" > '${dir}/arguments'\nexit 1\n`);
  await chmod(program, 0o755);
  await assert.rejects(chromium.launch({ executablePath: program, args, timeout: 10_000 }));
  return (await readFile(join(dir, 'arguments'), 'utf8')).split('\n');
}

const features = (args: string[], flag: string) =>
  args.filter((a) => a.startsWith(`${flag}=`)).map((a) => a.slice(flag.length + 1).split(','));

test('the --disable-features and --enable-features Chromium keeps are ours, and hold every feature Playwright turns off and on', async () => {
  const defaults = await launchArguments([]);
  const ours = await launchArguments(CHROMIUM_ARGS);
  for (const [flag, repeated, own] of [
    ['--disable-features', PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup'],
    ['--enable-features', PLAYWRIGHT_ENABLED_FEATURES, 'NetworkServiceInProcess2'],
  ] as const) {
    const [playwrights] = features(defaults, flag);
    assert.ok(playwrights?.length, `Playwright passes a ${flag} of its own`);
    assert.deepEqual(repeated, playwrights, `${flag}: the list repeated in src/print/chromium.ts`);
    const kept = features(ours, flag).at(-1) ?? [];
    assert.deepEqual(
      playwrights.filter((f) => !kept.includes(f)),
      [],
      `${flag}: none of Playwright's is undone`,
    );
    assert.ok(kept.includes(own), `${flag}: ours (${own}) is in the list Chromium keeps`);
  }
});
