// The font stacks of site.yaml (print section) as a stylesheet (/print/fonts.css,
// a file, since the site's CSP allows no inline style): custom properties that
// print.css uses, and @font-face rules for licensed font files. Family names
// come from a YAML file, so they are written as CSS strings, never as raw CSS.
import type { FontRole, PrintSettings } from '../schema/print.ts';

/** Where the PDF renderer serves the licensed font files of the content tree (never published). */
export const FONT_FILES_URL = '/_gongkai/fonts/';

const cssString = (s: string) => `'${s.replace(/[\\'\n\r\f<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}'`;

export function fontVariables(print: PrintSettings): string {
  const roles = Object.keys(print.fonts) as FontRole[];
  return roles.map((role) => `--font-${role}: ${print.fonts[role].map(cssString).join(', ')}`).join('; ');
}

export function fontFaces(print: PrintSettings): string {
  return print.font_files
    .map(
      (f) =>
        `@font-face { font-family: ${cssString(f.family)}; src: url(${cssString(FONT_FILES_URL + encodeURI(f.file))}); }`,
    )
    .join('\n');
}

export function fontStylesheet(print: PrintSettings): string {
  const faces = fontFaces(print);
  return `:root { ${fontVariables(print)}; }\n${faces ? `${faces}\n` : ''}`;
}
