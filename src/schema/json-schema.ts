// The JSON Schema of report frontmatter, generated from the zod schema (the
// single source): published at /schema/report.json and used by editors for
// completion and inline errors. Figures are described as what staff may type:
// a number, or a quoted decimal string when trailing zeros matter.
import { z } from 'astro/zod';
import { JSON_KIND } from './money.ts';
import { reportSchema } from './report.ts';

const DECIMAL = '^\\d+(\\.\\d+)?$';
const SIGNED_DECIMAL = '^-?\\d+(\\.\\d+)?$';

const KINDS: Record<string, object> = {
  decimal: {
    anyOf: [
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: DECIMAL },
    ],
  },
  'signed-decimal': { anyOf: [{ type: 'number' }, { type: 'string', pattern: SIGNED_DECIMAL }] },
  integer: {
    anyOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: '^\\d+$' },
    ],
  },
  date: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
};

export function toEditorJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const js = jsonSchema as Record<string, unknown>;
      const kind = js[JSON_KIND];
      if (typeof kind !== 'string') return;
      delete js[JSON_KIND];
      delete js.type;
      delete js.anyOf;
      Object.assign(js, KINDS[kind]);
    },
  }) as Record<string, unknown>;
  return json;
}

export function reportJsonSchema(): Record<string, unknown> {
  return toEditorJsonSchema(reportSchema);
}
