// JSON Schemas of report frontmatter, generated from the zod schema (the
// single source). Two readings of it:
// - for editors (.vscode/schemas, completion and inline errors): what staff
//   may type, a number or a quoted decimal string when trailing zeros matter;
// - for data users (/schema/report.json): what the published data holds
//   (/data/<year>/<dept>.json), every figure a decimal string ("825.75").
import { z } from 'astro/zod';
import { JSON_DATA_FORMS, JSON_FORMS, JSON_KIND } from './money.ts';
import { reportSchema } from './report.ts';

/** draft-7 for editors (the YAML language server and most validators know it best). */
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-7';

function toJsonSchema(
  schema: z.ZodType,
  io: 'input' | 'output',
  forms: Record<string, Record<string, unknown>>,
  target: JsonSchemaTarget,
): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target,
    io,
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const js = jsonSchema as Record<string, unknown>;
      const kind = js[JSON_KIND];
      if (typeof kind !== 'string') return;
      const form = forms[kind];
      // A new kind of value must say how it is written, or the schema would
      // silently accept anything for it.
      if (!form) throw new Error(`json-schema: no JSON form for value kind “${kind}”`);
      delete js[JSON_KIND];
      delete js.type;
      delete js.anyOf;
      Object.assign(js, form);
    },
  }) as Record<string, unknown>;
}

export function toEditorJsonSchema(
  schema: z.ZodType,
  target: JsonSchemaTarget = 'draft-2020-12',
): Record<string, unknown> {
  return toJsonSchema(schema, 'input', JSON_FORMS, target);
}

export function reportJsonSchema(target?: JsonSchemaTarget): Record<string, unknown> {
  return toEditorJsonSchema(reportSchema, target);
}

/** /schema/report.json: the `report` of /data/<year>/<dept>.json as published. */
export function reportDataJsonSchema(): Record<string, unknown> {
  return {
    ...toJsonSchema(reportSchema, 'output', JSON_DATA_FORMS, 'draft-2020-12'),
    title: '报告数据',
    description:
      '开放数据中一份报告的全部数据（/data/<年度>/<单位代码>.json 的 report）。数字一律是文字形式的精确小数，与原文写法相同（例如 "825.75"、"826.00"），不是浮点数。',
  };
}
