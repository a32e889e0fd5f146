// The Content-Security-Policy of the published site, in one place: the pages
// carry it as a <meta> tag, and docs/部署.md gives the same policy as an HTTP
// header for the web server. Only the site's own files may run; nothing is
// inlined; no plug-ins, no other origins.

const BASE: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

export interface CspOptions {
  /** Pagefind's search runs WebAssembly: only the search page needs this. */
  wasm?: boolean;
  /**
   * The preview (npm run dev) puts each stylesheet inline, to swap it while
   * you edit: only there are inline styles admitted (else the preview shows
   * unstyled pages). Never in a build.
   */
  devStyles?: boolean;
}

function build(options: CspOptions, extra: Record<string, readonly string[]> = {}): string {
  const policy: Record<string, readonly string[]> = { ...BASE, ...extra };
  if (options.wasm) policy['script-src'] = [...(policy['script-src'] ?? []), "'wasm-unsafe-eval'"];
  if (options.devStyles) policy['style-src'] = [...(policy['style-src'] ?? []), "'unsafe-inline'"];
  return Object.entries(policy)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

/** For <meta http-equiv="Content-Security-Policy"> (frame-ancestors is ignored there). */
export function cspMeta(options: CspOptions = {}): string {
  return build(options);
}

/** For the web server's header: one policy for the whole site, so it admits what any page needs. */
export function cspHeader(): string {
  return build({ wasm: true }, { 'frame-ancestors': ["'none'"] });
}
