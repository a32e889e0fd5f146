// One way to start Chromium for everything that needs a browser (PDFs, browser
// tests, screenshots): Debian's chromium through playwright-core, since
// Playwright's own browser download is not available here.
import { existsSync } from 'node:fs';
import type { Browser, LaunchOptions } from 'playwright-core';
import { settings } from '../config.ts';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** GONGKAI_CHROMIUM, else the first Debian location that exists; undefined when there is none. */
export function chromiumPath(configured = settings().chromium): string | undefined {
  return configured ?? CANDIDATES.find((p) => existsSync(p));
}

/**
 * The features Playwright turns off (playwright-core as locked), repeated here
 * because Chromium keeps only the last --disable-features it is given and
 * Playwright's comes first. test/unit/pdf/chromium-features.test.ts compares
 * this list with what the installed Playwright passes.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Besides Playwright's: the address bar's two popups, WebUI pages that each
 * browser window loads in a renderer of its own (about a CPU-second a window)
 * in a browser where nobody types an address.
 */
export const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/** The features Playwright turns on, repeated for the same reason (--enable-features: the last one counts). */
export const PLAYWRIGHT_ENABLED_FEATURES = ['CDPScreenshotNewSurface', 'SkipListAccountsWithoutGaiaCookies'];

/**
 * Besides Playwright's: the network service runs in the browser process, not
 * in a process of its own (with --in-process-gpu, two processes fewer a
 * launch: about a tenth of the CPU of a launch that prints one page). The
 * print pages' connections still go through the proxy that is the network
 * fence, which the network tests check.
 */
export const ENABLED_FEATURES = [...PLAYWRIGHT_ENABLED_FEATURES, 'NetworkServiceInProcess2'];

// Without the background-networking flags Chromium keeps trying to reach
// Google's services, which this closed network refuses.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--in-process-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--font-render-hinting=none',
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  `--enable-features=${ENABLED_FEATURES.join(',')}`,
];

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new Error(
      '找不到 Chromium。请安装 Debian 软件包 chromium（sudo apt-get install chromium），或用环境变量 GONGKAI_CHROMIUM 指定其路径。',
    );
  }
  // Playwright makes its profile and artefact folders before it looks for the
  // program, and leaves them behind when it is missing (GONGKAI_CHROMIUM mistyped).
  if (!existsSync(executablePath)) throw new Error('找不到这个程序');
  // The driver is loaded here, not with this module: about a CPU-second that
  // a run whose PDFs all come from the cache never needs.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    headless: true,
    ...options,
    executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
