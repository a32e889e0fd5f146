// The public address of the site (site.yaml's url), for astro.config.mjs:
// canonical URLs, the sitemap and the feed use it. From the build's site input
// when there is one, else read from the content tree by our own safe reader.
import { readSiteInput } from '../model/site-input.ts';
import { contentRoot } from '../config.ts';
import { loadRegistry } from '../source/load.ts';

export async function siteUrl(): Promise<string | undefined> {
  const handed = readSiteInput();
  if (handed) return handed.site.url;
  // npm run check reports a missing or broken site.yaml in Chinese.
  return (await loadRegistry(contentRoot())).site?.data?.url;
}
