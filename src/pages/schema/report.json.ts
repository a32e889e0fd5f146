// /schema/report.json: the JSON Schema of report frontmatter, generated from
// the zod schema that validates it (one source), for editors and data users.
import type { APIRoute } from 'astro';
import { reportJsonSchema } from '../../schema/json-schema.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
