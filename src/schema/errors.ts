// One place that turns zod issues into messages for finance staff: the key,
// what it means in Chinese, what is wrong, and what to write instead. Used by
// `npm run check`, the build and the tests (the counterpart of Starlight's
// utils/error-map.ts). Astro's own rendering of the same issues is never shown
// to staff, because check runs before astro build.
import { z } from 'astro/zod';
import { closest } from '../lib/suggest.ts';

z.config(z.locales.zhCN());

import { formatKeyPath, type KeyPath } from '../lib/key-path.ts';

export interface SchemaProblem {
  /** Where in the YAML: ['budget', 'final'], ['indicators', 2, 'target'] … */
  path: KeyPath;
  rule:
    'schema.required' | 'schema.type' | 'schema.unknown-key' | 'schema.number-format' | 'schema.date' | 'schema.value';
  message: string;
  hint?: string;
  /** For unknown keys: the key that was probably meant. */
  suggestion?: string;
}

type AnySchema = z.core.$ZodType;

function defOf(schema: AnySchema): { type: string } & Record<string, unknown> {
  return schema._zod.def as unknown as { type: string } & Record<string, unknown>;
}

function titleOf(schema: AnySchema): string | undefined {
  const meta = z.globalRegistry.get(schema);
  return typeof meta?.title === 'string' ? meta.title : undefined;
}

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'];

/** Peels optional/default/pipe wrappers, remembering the first title on the way. */
function unwrap(schema: AnySchema): { inner: AnySchema; title: string | undefined } {
  let title = titleOf(schema);
  let s = schema;
  for (;;) {
    const def = defOf(s);
    let next: AnySchema | undefined;
    if (WRAPPERS.includes(def.type)) next = def.innerType as AnySchema;
    else if (def.type === 'pipe') next = def.in as AnySchema;
    if (!next) return { inner: s, title };
    s = next;
    title ??= titleOf(s);
  }
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const { inner } = unwrap(schema);
  const def = defOf(inner);
  return def.type === 'object' ? (def.shape as Record<string, AnySchema>) : undefined;
}

/** The schema at a key path, or undefined where the path leaves the schema. */
export function schemaAt(root: AnySchema, path: KeyPath): AnySchema | undefined {
  let s: AnySchema | undefined = root;
  for (const key of path) {
    if (!s) return undefined;
    const { inner } = unwrap(s);
    const def = defOf(inner);
    if (def.type === 'object' && typeof key === 'string') s = (def.shape as Record<string, AnySchema>)[key];
    else if (def.type === 'array' && typeof key === 'number') s = def.element as AnySchema;
    else return undefined;
  }
  return s;
}

/**
 * The metadata of the field at a key path (title, description, kind…), merged
 * along its optional/default/pipe wrappers, the outermost winning.
 */
export function fieldMeta(root: AnySchema, path: KeyPath): Record<string, unknown> | undefined {
  let s: AnySchema | undefined = path.length > 0 ? schemaAt(root, path) : root;
  if (!s) return undefined;
  const merged: Record<string, unknown> = {};
  while (s) {
    for (const [k, v] of Object.entries(z.globalRegistry.get(s) ?? {})) if (!(k in merged)) merged[k] = v;
    const def = defOf(s);
    s = WRAPPERS.includes(def.type)
      ? (def.innerType as AnySchema)
      : def.type === 'pipe'
        ? (def.in as AnySchema)
        : undefined;
  }
  return merged;
}

/** "budget.final（年终决算数）": the key as written, and what it means. */
export function describeKey(root: AnySchema, path: KeyPath): string {
  const key = formatKeyPath(path);
  const field = path.length > 0 ? schemaAt(root, path) : undefined;
  const title = field ? unwrap(field).title : undefined;
  const index = path.findLast((k) => typeof k === 'number');
  const ordinal = typeof index === 'number' ? `第 ${index + 1} 项的` : '';
  return title ? `${key}（${ordinal}${title}）` : key;
}

function valueAt(input: unknown, path: KeyPath): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表（每项以“- ”开头）',
  object: '一组键值（下一行缩进书写）',
  date: '日期',
};

function received(value: unknown): string {
  if (value === null) return '空值';
  if (Array.isArray(value)) return '列表';
  if (value instanceof Date) return '日期';
  if (typeof value === 'string') return `文字“${value.length > 20 ? `${value.slice(0, 20)}…` : value}”`;
  if (typeof value === 'number') return `数字 ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return '一组键值';
  return typeof value;
}

function unknownKey(root: AnySchema, parent: KeyPath, key: string): SchemaProblem {
  const parentSchema = parent.length ? schemaAt(root, parent) : root;
  const shape = parentSchema ? shapeOf(parentSchema) : undefined;
  const keys = shape ? Object.keys(shape) : [];
  // Staff sometimes write the Chinese label as the key (决算数: …): match titles too.
  const byTitle = keys.find((k) => {
    const t = shape?.[k] ? unwrap(shape[k]).title : undefined;
    return t !== undefined && (t === key || t.includes(key) || key.includes(t));
  });
  const suggestion = byTitle ?? closest(key, keys);
  const where = parent.length ? `${describeKey(root, parent)}中` : '';
  return {
    path: [...parent, key],
    rule: 'schema.unknown-key',
    ...(suggestion ? { suggestion } : {}),
    message: `${where}没有“${key}”这一项${suggestion ? `，是不是要写 ${suggestion}（${shape?.[suggestion] ? (unwrap(shape[suggestion]).title ?? '') : ''}）？` : '。'}`,
    hint: suggestion
      ? `把“${key}”改为“${suggestion}”。`
      : `可用的项：${keys.join('、')}。拼写以 JSON Schema（/schema/report.json）为准。`,
  };
}

function describeIssue(root: AnySchema, issue: z.core.$ZodIssue, input: unknown): SchemaProblem[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownKey(root, path, key));

  const key = describeKey(root, path);
  const value = valueAt(input, path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return [
      {
        path,
        rule: 'schema.required',
        message: `缺少必填项 ${key}`,
        hint: `在 ${path.slice(0, -1).length ? formatKeyPath(path.slice(0, -1)) + ' 下' : '文件开头的 --- 之间'}补上 ${String(path.at(-1))}: …`,
      },
    ];
  }
  if (issue.code === 'custom') {
    const params = (issue.params ?? {}) as { rule?: SchemaProblem['rule']; suggestion?: string };
    return [
      {
        path,
        rule: params.rule ?? 'schema.value',
        message: `${key}：${issue.message}`,
        ...(params.suggestion ? { hint: `改为 ${formatKeyPath(path.slice(-1))}: ${params.suggestion}` } : {}),
      },
    ];
  }
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
    return [{ path, rule: 'schema.type', message: `${key}：应为${expected}，填写的是${received(value)}` }];
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map(String).join('、');
    return [{ path, rule: 'schema.value', message: `${key}：应为 ${options} 之一，填写的是${received(value)}` }];
  }
  if (issue.code === 'invalid_union' && issue.errors.length === 0) {
    return [{ path, rule: 'schema.value', message: `${key}：${issue.message}` }];
  }
  const rule: SchemaProblem['rule'] = issue.code === 'invalid_union' ? 'schema.type' : 'schema.value';
  return [{ path, rule, message: `${key}：${issue.message}` }];
}

const keyOf = (path: KeyPath) => JSON.stringify(path);

export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: SchemaProblem[] };

/** Validates input against a schema and explains every problem in Chinese. */
export function parseWithFriendlyErrors<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.flatMap((i) => describeIssue(schema, i, input));
  // A misspelt key also makes the real one “missing”: say it once, as the misspelling.
  const misspelt = new Set(
    problems.flatMap((p) =>
      p.rule === 'schema.unknown-key' && p.suggestion ? [keyOf([...p.path.slice(0, -1), p.suggestion])] : [],
    ),
  );
  return {
    ok: false,
    problems: problems
      .filter((p) => !(p.rule === 'schema.required' && misspelt.has(keyOf(p.path))))
      .map(({ suggestion: _s, ...p }) => p),
  };
}
