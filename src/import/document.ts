// Reads the original — Word (.docx), Excel (.xlsx) or plain text — into
// blocks. A file that is too large, encrypted, damaged or of another format is
// refused here with a message that names it and says what to do; nothing has
// been written by then.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { UserError } from '../cli/run.ts';
import { textBlocks } from './read-text.ts';
import type { SourceDocument } from './source-block.ts';

export { textBlocks } from './read-text.ts';
export type { SourceBlock, SourceDocument } from './source-block.ts';

/** A report is a few hundred kilobytes; a file this large is the wrong file, or full of images. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The OLE compound file format: an encrypted .docx/.xlsx, or an old .doc/.xls under a new name. */
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Text saved by Windows tools is often GBK/GB18030.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const KINDS = { '.docx': ['Word', 'docx', 'Word'], '.xlsx': ['Excel', 'xlsx', 'Excel'] } as const;

export async function readDocument(path: string): Promise<SourceDocument> {
  const ext = extname(path).toLowerCase();
  const name = basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UserError(`${path} 不是文件`);
    size = s.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`找不到文件 ${path}`);
  }
  if (ext === '.doc' || ext === '.xls' || ext === '.wps' || ext === '.et' || ext === '.pdf')
    throw new UserError(
      `不能直接导入 ${ext} 文件（${name}）：请用 Word、Excel 或 WPS 另存为 .docx / .xlsx，或复制全文另存为 .txt（UTF-8）。`,
    );
  if (ext !== '.txt' && ext !== '.md' && ext !== '.docx' && ext !== '.xlsx')
    throw new UserError(`只能导入 .docx、.xlsx 或 .txt 文件，收到的是 ${path}`);
  if (size > MAX_IMPORT_BYTES)
    throw new UserError(
      `${name} 有 ${(size / 1024 / 1024).toFixed(1)} MB，超过导入的上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB。报告原件通常不到 5 MB：请确认选对了文件；文件中图片很多时，请另存一份不含图片的副本，或复制全文另存为 .txt 再导入。`,
    );
  if (size === 0) throw new UserError(`${name} 是空文件，没有可导入的内容。`);
  const bytes = await readFile(path);
  if (ext === '.txt' || ext === '.md') return { kind: 'txt', blocks: textBlocks(decodeText(bytes)), notes: [] };

  const [app, kind, program] = KINDS[ext];
  if (bytes.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC))
    throw new UserError(
      `${name} 设有打开密码（已加密），或其实是旧版 .${kind === 'docx' ? 'doc' : 'xls'} 文件改了扩展名。请在 ${program} 或 WPS 中打开，取消密码（文件 → 信息 → 保护 → 用密码进行加密，清空密码），另存为 .${kind} 后再导入。`,
    );
  const damaged = () =>
    new UserError(
      `${name} 不是有效的 ${app}（.${kind}）文件：文件已损坏，或不是 .${kind} 格式。请在 ${program} 或 WPS 中打开并重新另存为 .${kind}；若无法打开，请向报告的提供者重新索取。`,
    );
  if (!bytes.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) throw damaged();
  // Each reader (mammoth, exceljs: about 1,000 modules together) is loaded only for its own kind of file.
  const readBytes =
    kind === 'docx' ? (await import('./read-docx.ts')).readDocx : (await import('./read-xlsx.ts')).readXlsx;
  try {
    const read = await readBytes(bytes);
    return { kind, ...read };
  } catch {
    throw damaged();
  }
}
