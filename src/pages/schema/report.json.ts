// /schema/report.json: the JSON Schema of a report's published data, generated
// from the zod schema that validates the frontmatter (one source): figures
// are declared as the decimal strings the data holds.
import type { APIRoute } from 'astro';
import { reportDataJsonSchema } from '../../schema/json-schema.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(reportDataJsonSchema(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
