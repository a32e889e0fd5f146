// The public address of the site (site.yaml's url), for astro.config.mjs:
// canonical URLs, the sitemap and the feed use it. From the build's site input
// when there is one, else read from the content tree by our own safe reader.
import { readSiteInput } from '../model/site-input.ts';
import { contentRoot } from '../config.ts';

export async function siteUrl(): Promise<string | undefined> {
  const handed = readSiteInput();
  if (handed) return handed.site.url;
  // Loaded only here: the reader and its schemas cost an astro build about 0.4 s it does not need.
  const { loadRegistry } = await import('../source/load.ts');
  // npm run check reports a missing or broken site.yaml in Chinese.
  return (await loadRegistry(contentRoot())).site?.data?.url;
}
