// The images a report body uses: files of the content tree's images/ folder,
// each read once (a regular file within the size limit, whose bytes are the
// type its name says) and named by its content hash. The renderer points the
// page at that name and the build copies those bytes; nothing is imported.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { imageTypeOf, judgeUrl } from '../schema/url-policy.ts';
import type { BodyUrl } from './body-urls.ts';
import { UnsafeContentFile, type ContentSource } from './content-source.ts';
import { MAX_IMAGE_BYTES } from './limits.ts';
import type { Position } from './position.ts';
import type { SourceProblem } from './problem.ts';

export interface MediaFile {
  /** Path in the content tree, e.g. images/印章.png. */
  path: string;
  /** File name in the site's media folder: the content hash and the extension. */
  name: string;
  mime: string;
  bytes: number;
}

/** Where the site serves its media files. */
export const MEDIA_FOLDER = 'media';

export const mediaUrl = (file: MediaFile) => `/${MEDIA_FOLDER}/${file.name}`;

const HINT = '图片放在内容目录的 images/ 文件夹中，须是 PNG、JPEG、GIF 或 WebP 文件本身（不是链接或快捷方式）。';

export async function loadMedia(
  source: ContentSource,
  file: string,
  urls: readonly BodyUrl[],
  position: (offset: number) => Position,
): Promise<{ media: MediaFile[]; problems: SourceProblem[] }> {
  const media = new Map<string, MediaFile>();
  const problems: SourceProblem[] = [];
  const seen = new Set<string>();
  for (const { url, use, offset } of urls) {
    if (use !== 'image') continue;
    const verdict = judgeUrl(url, 'image', file);
    if (!verdict.ok || verdict.kind !== 'content' || seen.has(verdict.path)) continue; // the URL rule reports the rest
    seen.add(verdict.path);
    const problem = (message: string, hint = HINT) =>
      problems.push({ rule: 'content.image', message, hint, at: position(offset) });
    let bytes: Uint8Array | undefined;
    try {
      bytes = await source.read(verdict.path, MAX_IMAGE_BYTES);
    } catch (error) {
      if (!(error instanceof UnsafeContentFile)) throw error;
      if (error.why === 'too-large')
        problem(
          `图片 ${verdict.path} 有 ${((error.size ?? 0) / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_IMAGE_BYTES / 1024 / 1024} MB 的上限`,
          '请压缩图片（印章、签名扫描件用 PNG，照片用 JPEG），宽度 1000 像素左右即可。',
        );
      else problem(`图片 ${verdict.path} ${error.why === 'link' ? '是符号链接' : '不是普通文件'}，不会被读取`);
      continue;
    }
    if (!bytes) {
      problem(`找不到图片 ${verdict.path}`, `请把图片放到内容目录的 ${verdict.path}，或改正文件名（区分大小写）。`);
      continue;
    }
    const ext = posix.extname(verdict.path).slice(1).toLowerCase();
    const mime = imageTypeOf(ext, bytes);
    if (!mime) {
      problem(`图片 ${verdict.path} 的内容不是 .${ext} 文件`, '请用看图软件打开后另存为 PNG 或 JPEG。');
      continue;
    }
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
    media.set(verdict.path, {
      path: verdict.path,
      name: `${hash}.${ext === 'jpeg' ? 'jpg' : ext}`,
      mime,
      bytes: bytes.length,
    });
  }
  return { media: [...media.values()], problems };
}
