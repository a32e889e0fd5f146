// What a PDF says about itself, and the last touch that makes its bytes
// depend only on its sources: Chromium stamps the time of printing and names
// tagged elements after its DOM node numbers (which depend on what the
// browser rendered before), so both are replaced; links to this site name the
// print server's port until they are rewritten (link-annotations.ts). pdf-lib writes every string
// as a PDF text string: report text cannot break out of the metadata.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import type { Department } from '../../schema/department.ts';
import type { Report } from '../../schema/report.ts';
import { enforceLinkPolicy, type LinkPolicy } from './link-annotations.ts';

export interface PdfMetadata {
  title: string;
  /** The department. */
  author: string;
  subject: string;
  keywords: string[];
  /** The report's issue date (成文日期), YYYY-MM-DD: the creation date of the PDF; null when the original has none. */
  issued: string | null;
  language: 'zh-CN';
}

export function metadataFor(data: Report, department: Department): PdfMetadata {
  const kind = '部门整体支出绩效自评报告';
  return {
    title: data.title,
    author: department.name,
    subject: `${department.name} ${data.year} 年度${kind}`,
    keywords: [department.name, `${data.year}年度`, kind, '预算绩效', '政府信息公开'],
    issued: data.issued,
    language: 'zh-CN',
  };
}

/** 2024-06-26 → D:20240626000000+08'00' (a calendar day in China, not shifted to UTC). */
export const pdfDate = (iso: string) => `D:${iso.replaceAll('-', '')}000000+08'00'`;

const NODE_ID = /^node\d+$/;

/** Every text string in the document, with a way to replace it. */
function* strings(root: PDFObject, seen = new Set<PDFObject>()): Generator<[string, (s: string) => void]> {
  if (seen.has(root)) return;
  seen.add(root);
  if (root instanceof PDFDict) {
    for (const [key, value] of root.entries()) {
      if (value instanceof PDFString || value instanceof PDFHexString) {
        yield [value.decodeText(), (s) => root.set(key, PDFString.of(s))];
      } else yield* strings(value, seen);
    }
  } else if (root instanceof PDFArray) {
    for (let i = 0; i < root.size(); i++) {
      const value = root.get(i);
      if (value instanceof PDFString || value instanceof PDFHexString) {
        yield [value.decodeText(), (s) => root.set(i, PDFString.of(s))];
      } else yield* strings(value, seen);
    }
  }
}

/** Renumbers Chromium's structure element IDs (node00001910 …) from 1, keeping their order. */
function renumberNodeIds(doc: PDFDocument): void {
  const found: [string, (s: string) => void][] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : 'dict' in obj && obj.dict instanceof PDFDict ? obj.dict : undefined;
    const root = dict ?? (obj instanceof PDFArray ? obj : undefined);
    if (!root) continue;
    for (const entry of strings(root)) if (NODE_ID.test(entry[0])) found.push(entry);
  }
  const ids = [...new Set(found.map(([s]) => s))].sort();
  const width = ids[0]?.length ?? 0;
  const renamed = new Map(ids.map((s, i) => [s, `node${String(i + 1).padStart(width - 4, '0')}`]));
  for (const [s, set] of found) set(renamed.get(s) ?? s);
}

export async function finishPdf(
  raw: Uint8Array,
  meta: PdfMetadata,
  documentId: string,
  links: LinkPolicy,
): Promise<{ bytes: Uint8Array; pages: number; refusedLinks: string[] }> {
  const doc = await PDFDocument.load(raw, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('gongkai');
  doc.setLanguage(meta.language);
  // Dates as the calendar day in China; pdf-lib's setCreationDate would write UTC (the day before).
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  for (const key of ['CreationDate', 'ModDate'])
    if (meta.issued) info.set(PDFName.of(key), PDFString.of(pdfDate(meta.issued)));
    else info.delete(PDFName.of(key)); // 原文未载: no date rather than the time of printing
  renumberNodeIds(doc);
  const refusedLinks = enforceLinkPolicy(doc, links);
  const id = PDFHexString.of(documentId.slice(0, 32));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return { bytes: await doc.save({ updateFieldAppearances: false }), pages: doc.getPageCount(), refusedLinks };
}
