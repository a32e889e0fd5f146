// Key paths into a report's data, in one notation everywhere (frontmatter
// messages, <Fig k="…" />, the diff, open data): "budget.final",
// "indicators.0.actual". Only own properties are followed, so a key can never
// reach a prototype ("constructor", "__proto__").

export type KeyPath = readonly (string | number)[];

export function formatKeyPath(path: KeyPath): string {
  return path.map(String).join('.');
}

export function parseKeyPath(key: string): (string | number)[] {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function valueAt(data: unknown, path: KeyPath): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Every leaf of the data (strings, numbers, booleans) with its path; lists of objects by index. */
export function leaves(data: unknown, path: KeyPath = []): { path: KeyPath; value: unknown }[] {
  if (Array.isArray(data)) return data.flatMap((v, i) => leaves(v, [...path, i]));
  if (data !== null && typeof data === 'object')
    return Object.entries(data).flatMap(([k, v]) => leaves(v, [...path, k]));
  return data === undefined ? [] : [{ path, value: data }];
}
