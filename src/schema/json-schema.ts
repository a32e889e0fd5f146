// The JSON Schema of report frontmatter, generated from the zod schema (the
// single source): published at /schema/report.json and used by editors for
// completion and inline errors. Figures are described as what staff may type:
// a number, or a quoted decimal string when trailing zeros matter.
import { z } from 'astro/zod';
import { JSON_FORMS, JSON_KIND } from './money.ts';
import { reportSchema } from './report.ts';

/** draft-7 for editors (the YAML language server and most validators know it best). */
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-7';

export function toEditorJsonSchema(
  schema: z.ZodType,
  target: JsonSchemaTarget = 'draft-2020-12',
): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target,
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const js = jsonSchema as Record<string, unknown>;
      const kind = js[JSON_KIND];
      if (typeof kind !== 'string') return;
      delete js[JSON_KIND];
      delete js.type;
      delete js.anyOf;
      Object.assign(js, JSON_FORMS[kind]);
    },
  }) as Record<string, unknown>;
  return json;
}

export function reportJsonSchema(target?: JsonSchemaTarget): Record<string, unknown> {
  return toEditorJsonSchema(reportSchema, target);
}
