// @actions/workflow-parser (GitHub's own workflow parser) imports its schema
// JSON without `with { type: 'json' }`, which Node's ESM loader refuses; this
// loader hook adds the attribute for that package's JSON only.
export async function load(url, context, next) {
  if (url.endsWith('.json') && url.includes('/@actions/workflow-parser/'))
    return next(url, { ...context, importAttributes: { ...context.importAttributes, type: 'json' } });
  return next(url, context);
}
