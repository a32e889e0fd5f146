// Reading real PDFs the way a person checks a print file: poppler-utils
// (pdfinfo, pdffonts, pdftotext) and, for what poppler does not show
// (language, outline), the document catalogue through pdf-lib.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });

export function pdfinfo(path: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', path]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1]!] = m[2]!;
  }
  return info;
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdffonts(path: string): FontRow[] {
  return run('pdffonts', [path])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const m = /^(\S+)\s+(.+?)\s{2,}\S+\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line);
      return { name: m?.[1] ?? line, type: m?.[2] ?? '?', embedded: m?.[3] === 'yes' };
    });
}

export function pdftotext(path: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  return run('pdftotext', [...range, path, '-']);
}

export interface TextLine {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** The text lines of every page with their boxes in points (pdftotext -bbox-layout). */
export function pageLines(path: string): TextLine[][] {
  const xml = run('pdftotext', ['-bbox-layout', path, '-']);
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
      ].map((m) => ({
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: [...m[5]!.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(' '),
      })),
    );
}

export const MM = 72 / 25.4;

/** Language and outline titles from the catalogue. */
export async function catalogue(path: string): Promise<{ lang: string | undefined; outline: string[] }> {
  const doc = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const text = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);
  const outline: string[] = [];
  const walk = (item: unknown) => {
    for (let node = item; node instanceof PDFDict; node = node.lookup(PDFName.of('Next'))) {
      const title = text(node.lookup(PDFName.of('Title')));
      if (title) outline.push(title);
      walk(node.lookup(PDFName.of('First')));
    }
  };
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of('First')));
  return { lang: text(doc.catalog.lookup(PDFName.of('Lang'))), outline };
}

export interface LinkAnnotation {
  page: number;
  /** The address of a URI action; undefined for a link into the document or one without an action. */
  uri: string | undefined;
  /** The action type (/URI, /GoTo …), if any. */
  action: string | undefined;
}

/** The link annotations of every page, with their actions. */
export async function links(path: string): Promise<LinkAnnotation[]> {
  const doc = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const found: LinkAnnotation[] = [];
  for (const [i, page] of doc.getPages().entries()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let j = 0; j < (annots?.size() ?? 0); j++) {
      const action = annots!.lookup(j, PDFDict).lookup(PDFName.of('A'));
      const dict = action instanceof PDFDict ? action : undefined;
      const uri = dict?.lookup(PDFName.of('URI'));
      found.push({
        page: i + 1,
        uri: uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined,
        action: dict?.lookup(PDFName.of('S'))?.toString(),
      });
    }
  }
  return found;
}

/** Every string of every object in the file (streams' contents aside), decoded: what a reader or tool could follow. */
export async function allStrings(path: string): Promise<string[]> {
  const doc = await PDFDocument.load(await readFile(path), { updateMetadata: false });
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown): void => {
    if (seen.has(value)) return;
    seen.add(value);
    if (value instanceof PDFString || value instanceof PDFHexString) out.push(value.decodeText());
    else if (value instanceof PDFDict) for (const [, v] of value.entries()) walk(v);
    else if (value instanceof PDFArray) for (let i = 0; i < value.size(); i++) walk(value.get(i));
    else if (value instanceof PDFRawStream) walk(value.dict);
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) walk(object);
  return out;
}

export interface Word extends TextLine {
  /** 1-based page number. */
  page: number;
}

/** Every word of every page with its box in points (pdftotext -bbox: words are split at spaces and line ends). */
export function pageWords(path: string): Word[] {
  const xml = run('pdftotext', ['-bbox', path, '-']);
  return xml
    .split('<page ')
    .slice(1)
    .flatMap((page, i) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          page: i + 1,
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: m[5]!
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        }),
      ),
    );
}

export interface Ink {
  /** Bounding box and centre of the dark pixels, as fractions of the box asked about (0 = left/top, 1 = right/bottom). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: number;
  y: number;
}

const DPI = 300;
const images = new Map<string, { width: number; pixels: Buffer }>();

/** A page rendered in grey by pdftoppm (binary PGM), once per file and page. */
function pageImage(path: string, page: number): { width: number; pixels: Buffer } {
  const key = `${path}#${page}`;
  let image = images.get(key);
  if (!image) {
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(DPI), '-f', String(page), '-l', String(page), path], {
      maxBuffer: 64 << 20,
    });
    // "P5\n<width> <height>\n<max>\n", then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm did not write a PGM image');
    image = { width: Number(header[1]), pixels: pgm.subarray(header[0].length) };
    images.set(key, image);
  }
  return image;
}

/**
 * Where the ink lies in a box of a page (points from the top left), from the
 * page rendered at 300 dpi; undefined when the box is blank.
 */
export function inkIn(
  path: string,
  page: number,
  box: { x: number; y: number; w: number; h: number },
): Ink | undefined {
  const { width, pixels } = pageImage(path, page);
  const px = (pt: number) => (pt * DPI) / 72;
  const [x0, y0, x1, y1] = [px(box.x), px(box.y), px(box.x + box.w), px(box.y + box.h)].map(Math.round) as [
    number,
    number,
    number,
    number,
  ];
  let [n, sx, sy, left, right, top, bottom] = [0, 0, 0, x1, x0 - 1, y1, y0 - 1];
  for (let row = y0; row < y1; row++)
    for (let col = x0; col < x1; col++) {
      if ((pixels[row * width + col] ?? 255) >= 128) continue;
      n++;
      sx += col + 0.5;
      sy += row + 0.5;
      left = Math.min(left, col);
      right = Math.max(right, col + 1);
      top = Math.min(top, row);
      bottom = Math.max(bottom, row + 1);
    }
  if (!n) return undefined;
  const fx = (v: number) => (v - x0) / (x1 - x0);
  const fy = (v: number) => (v - y0) / (y1 - y0);
  return { left: fx(left), right: fx(right), top: fy(top), bottom: fy(bottom), x: fx(sx / n), y: fy(sy / n) };
}
