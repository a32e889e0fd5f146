// Reads a content file as text, once, and says plainly when it is not UTF-8:
// staff often save from Word or WPS in GBK/GB18030.
import { readFile } from 'node:fs/promises';
import { MAX_FILE_BYTES } from './limits.ts';
import type { SourceProblem } from './problem.ts';

export type ReadResult = { ok: true; text: string } | { ok: false; problem: SourceProblem };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

export function tooLargeProblem(bytes: number): SourceProblem {
  return {
    rule: 'source.too-large',
    message: `文件有 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 的上限`,
    hint: '一份报告正文通常只有几十 KB。请检查是否误粘贴了图片数据或整本文件。',
    at: { line: 1, column: 1 },
  };
}

export function decodeSource(bytes: Uint8Array): ReadResult {
  const at = { line: 1, column: 1 };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: tooLargeProblem(bytes.length) };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    let gb = false;
    try {
      GB18030.decode(bytes);
      gb = true;
    } catch {
      // neither encoding: fall through to the generic message
    }
    return {
      ok: false,
      problem: {
        rule: 'source.encoding',
        message: gb ? '文件是 GBK/GB18030 编码，不是 UTF-8' : '文件不是 UTF-8 编码的文本',
        hint: '请用编辑器（如 VS Code 右下角的编码选项）“另存为 UTF-8”，或用 WPS/Word 另存时选择 UTF-8。',
        at,
      },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // UTF-8 BOM from Windows editors: harmless
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    return {
      ok: false,
      problem: {
        rule: 'source.binary',
        message: '文件中有空字符（NUL），不是纯文本',
        hint: '可能是从 Word 或 PDF 复制时带入的。请删除该处或重新粘贴为纯文本。',
        at: { line, column: nul - text.lastIndexOf('\n', nul) },
      },
    };
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

export async function readSource(file: string): Promise<ReadResult> {
  return decodeSource(await readFile(file));
}
