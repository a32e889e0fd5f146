// /robots.txt: everything may be indexed; the sitemap is named with the public address from site.yaml.
import type { APIRoute } from 'astro';
import { getSite } from '../model/catalog.ts';
import { absoluteUrl, PATHS } from '../model/urls.ts';

export const GET: APIRoute = async () => {
  const site = await getSite();
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(site.url, PATHS.sitemapXml)}`, ''];
  return new Response(body.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
