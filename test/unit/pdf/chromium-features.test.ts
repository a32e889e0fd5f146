// Chromium keeps only the last --disable-features it is given. Ours comes after
// Playwright's, so it must repeat every feature Playwright turns off: read here
// from what the installed Playwright passes to the program it launches (a
// script that writes its arguments down), so an upgrade that changes the list
// fails here instead of quietly turning features back on.
import assert from 'node:assert/strict';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from '../../../src/print/chromium.ts';
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

const features = (args: string[]) =>
  args.filter((a) => a.startsWith('--disable-features=')).map((a) => a.slice('--disable-features='.length).split(','));

test('the --disable-features Chromium keeps is ours, and holds every feature Playwright turns off', async () => {
  const [playwrights] = features(await launchArguments([]));
  assert.ok(playwrights?.length, 'Playwright passes a --disable-features of its own');
  assert.deepEqual(PLAYWRIGHT_DISABLED_FEATURES, playwrights, 'the list repeated in src/print/chromium.ts');
  const passed = features(await launchArguments(CHROMIUM_ARGS));
  const kept = passed.at(-1) ?? [];
  assert.deepEqual(
    playwrights.filter((f) => !kept.includes(f)),
    [],
    'no feature Playwright turns off is turned back on',
  );
  assert.ok(kept.includes('WebUIOmniboxPopup'), 'the address bar popup is off');
});
