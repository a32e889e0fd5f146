// A node:test reporter that writes one JSON line per finished test (name,
// file, duration, outcome), for `npm test` to print the slowest at the end.
export default async function* durations(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { name, file, details, nesting } = event.data;
    if (details?.type === 'suite') continue;
    yield `${JSON.stringify({ name, file, nesting, ms: details?.duration_ms ?? 0, ok: event.type === 'test:pass' })}\n`;
  }
}
