// The built site over HTTP on 127.0.0.1 for the browser that prints it, plus
// the licensed font files named in site.yaml (print.font_files), which are
// served from memory (read by font-files.ts) only here and never copied into
// the site. The browser may reach nothing else (print-page.ts).
import { posix } from 'node:path';
import sirv from 'sirv';
import { FONT_FILES_URL } from '../font-css.ts';
import { notFound, serveLocal, type StaticServer } from '../../lib/static-server.ts';

const FONT_TYPES: Readonly<Record<string, string>> = {
  '.ttf': 'font/ttf',
  '.ttc': 'font/collection',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function servePrintSite(siteDir: string, fontFiles: ReadonlyMap<string, Uint8Array>): Promise<StaticServer> {
  // Hashed assets (Paged.js and our handlers, ~500 kB) are cached by the
  // browser across reports, so it compiles them once, not once per report.
  const site = sirv(siteDir, {
    dev: false,
    etag: false,
    dotfiles: false,
    setHeaders: (res, path) => {
      if (path.startsWith('/_astro/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const fonts = new Map([...fontFiles].map(([file, bytes]) => [FONT_FILES_URL + encodeURI(file), { file, bytes }]));
  return serveLocal((req, res) => {
    const font = fonts.get((req.url ?? '').split('?')[0] ?? '');
    if (font) {
      res.setHeader('content-type', FONT_TYPES[posix.extname(font.file).toLowerCase()] ?? 'application/octet-stream');
      res.end(font.bytes);
      return;
    }
    site(req, res, () => notFound(res));
  });
}
