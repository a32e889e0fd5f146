// The one URL policy of report content. Every address a report body can carry
// (Markdown links, images, reference definitions, autolinks, HTML and JSX
// attributes, literal expressions) is judged here, by the checks and by the
// renderer alike, so what the check let through is what the page links to.
//
// Links may go to https:, http:, mailto:, tel:, a path of this site ("/…") or
// a place on the page ("#…"). Images may only be files in the content tree's
// images/ folder, written relative to the report (../../images/印章.png); the
// build copies their bytes under a content hash, nothing is imported or fetched.
import { posix } from 'node:path';

export type UrlUse = 'link' | 'image';

/** The folder of a content tree that images may come from. */
export const IMAGE_FOLDER = 'images';

/** Image files by extension, with the bytes each must start with. */
export const IMAGE_TYPES: Readonly<Record<string, { mime: string; magic: readonly (readonly number[])[] }>> = {
  png: { mime: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  jpg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mime: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  gif: {
    mime: 'image/gif',
    magic: [
      [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
    ],
  },
  // RIFF....WEBP: checked in two parts by imageTypeOf.
  webp: { mime: 'image/webp', magic: [[0x52, 0x49, 0x46, 0x46]] },
};

export type UrlVerdict =
  | { ok: true; kind: 'web' | 'mail' | 'tel' | 'site' | 'fragment'; url: string }
  /** An image of the content tree: `path` is relative to the content root (images/…). */
  | { ok: true; kind: 'content'; path: string }
  | { ok: false; reason: string; hint: string };

const LINK_HINT = '链接请写 https:// 开头的完整地址、mailto:、tel:，或以 / 开头的本站地址。';
const IMAGE_HINT = `图片请放在内容目录的 ${IMAGE_FOLDER}/ 文件夹中（PNG、JPEG、GIF、WebP），用相对于报告文件的路径引用，例如 ![单位印章](../../${IMAGE_FOLDER}/印章.png)。`;

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':' };

/**
 * HTML character references, decoded the way a browser decodes an attribute.
 * Markdown parsers have already decoded them; this catches a value that
 * reached us another way (raw HTML, a literal expression holding "&#106;").
 */
function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const refuse = (reason: string, hint: string): UrlVerdict => ({ ok: false, reason, hint });

/** The scheme of an address, lower case, or undefined for a path. */
function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
}

/**
 * Judges an address written in a report. `from` is the report's path relative
 * to the content root (reports/2023/kgxj.mdx): images are resolved from there.
 */
export function judgeUrl(raw: string, use: UrlUse, from: string): UrlVerdict {
  // A browser strips leading and trailing C0 controls and spaces, then ignores
  // tabs and newlines inside: "java\tscript:" is javascript:. Anything of the
  // kind left inside is refused rather than guessed at.
  // eslint-disable-next-line no-control-regex
  const url = decodeReferences(raw).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (url === '') return refuse('地址是空的', use === 'image' ? IMAGE_HINT : LINK_HINT);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(url))
    return refuse('地址中有换行、制表符或控制字符', '请删除这些字符；地址中的空格请写成 %20。');
  // Browsers read "\" as "/": "/\host" and "\\host" are other sites.
  if (url.includes('\\')) return refuse('地址中有反斜杠“\\”', '路径请用正斜杠“/”。');
  const scheme = schemeOf(url);
  if (use === 'image') return judgeImage(url, scheme, from);
  if (scheme === 'http' || scheme === 'https') {
    if (!URL.canParse(url) || !/^https?:\/\/[^/?#]/i.test(url))
      return refuse('网址写得不完整', '完整的网址形如 https://www.example.gov.cn/…');
    return { ok: true, kind: 'web', url };
  }
  if (scheme === 'mailto') return { ok: true, kind: 'mail', url };
  if (scheme === 'tel') return { ok: true, kind: 'tel', url };
  if (scheme) return refuse(`不允许 ${scheme}: 地址`, LINK_HINT);
  if (url.startsWith('//')) return refuse('以 // 开头的地址指向其他网站', '其他网站请写完整地址 https://…');
  if (url.startsWith('#')) return { ok: true, kind: 'fragment', url };
  if (url.startsWith('/')) return { ok: true, kind: 'site', url };
  return refuse(
    `相对地址“${url}”会随页面位置而变`,
    '本站页面请写以 / 开头的地址，例如 /reports/2022/kgxj/；其他网站请写 https:// 开头的完整地址。',
  );
}

function judgeImage(url: string, scheme: string | undefined, from: string): UrlVerdict {
  if (scheme === 'http' || scheme === 'https' || url.startsWith('//'))
    return refuse('图片必须是本站的文件（公开网站和 PDF 不向其他网站发请求）', IMAGE_HINT);
  if (scheme === 'data') return refuse('不允许 data: 图片', IMAGE_HINT);
  if (scheme) return refuse(`图片不能使用 ${scheme}: 地址`, IMAGE_HINT);
  if (url.startsWith('/')) return refuse('图片不能用以 / 开头的网站路径', IMAGE_HINT);
  if (/[?#]/.test(url)) return refuse('图片地址中不能有“?”或“#”', IMAGE_HINT);
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return refuse('图片地址中的 % 转义写法不对', IMAGE_HINT);
  }
  const path = posix.normalize(posix.join(posix.dirname(from), decoded));
  if (path.startsWith('../') || path === '..' || posix.isAbsolute(path) || !path.startsWith(`${IMAGE_FOLDER}/`))
    return refuse(`图片“${url}”不在内容目录的 ${IMAGE_FOLDER}/ 文件夹中`, IMAGE_HINT);
  if (path.split('/').some((segment) => segment.startsWith('.')))
    return refuse('图片路径中不能有以“.”开头的文件或文件夹', IMAGE_HINT);
  const ext = posix.extname(path).slice(1).toLowerCase();
  if (!IMAGE_TYPES[ext])
    return refuse(
      `图片只能是 PNG、JPEG、GIF 或 WebP 文件${ext ? `，不能是 .${ext}` : ''}`,
      'SVG 等格式可以包含脚本，请另存为 PNG。',
    );
  return { ok: true, kind: 'content', path };
}

/** The image type of a file's bytes, when they are what its extension says. */
export function imageTypeOf(ext: string, bytes: Uint8Array): string | undefined {
  const type = IMAGE_TYPES[ext.toLowerCase()];
  if (!type) return undefined;
  const starts = (magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
  if (!type.magic.some((m) => starts(m))) return undefined;
  if (ext.toLowerCase() === 'webp' && !starts([0x57, 0x45, 0x42, 0x50], 8)) return undefined;
  return type.mime;
}
