// /print/fonts.css: the print font stacks of site.yaml for print.css.
import type { APIRoute } from 'astro';
import { fontStylesheet } from '../../print/font-css.ts';
import { getSite } from '../../model/catalog.ts';

export const GET: APIRoute = async () =>
  new Response(fontStylesheet((await getSite()).print), { headers: { 'content-type': 'text/css; charset=utf-8' } });
