// The links of a finished PDF pass the report URL policy (src/schema/url-policy.ts)
// again, whatever the page held: an address the policy refuses (file:,
// javascript:, …) loses its action, and so does any action other than a
// web/mail/phone address or a place in the document. Chromium writes a link
// to this site (/reports/…) as an address on the local print server
// (http://127.0.0.1:<port>/…), useless to a reader and different on every
// run: it becomes the same path on the public site (site.yaml url).
// Actions are removed, not whole annotations: the structure tree of the
// tagged PDF refers to each annotation.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { absoluteUrl } from '../../model/urls.ts';
import { judgeUrl } from '../../schema/url-policy.ts';
import { isAllowed } from './print-page.ts';

export interface LinkPolicy {
  /** The print server the page was loaded from: http://127.0.0.1:<port> */
  localOrigin: string;
  /** The public site (site.yaml url); without it, links to this site lose their action. */
  siteUrl: string | undefined;
  /** The report file, for the policy. */
  source: string;
}

const A = PDFName.of('A');
const S = PDFName.of('S');
const URI = PDFName.of('URI');
const GOTO = PDFName.of('GoTo');

function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

type Verdict = { keep: string } | { drop: 'refused' | 'local' };

function judge(uri: string, policy: LinkPolicy): Verdict {
  if (isAllowed(uri, policy.localOrigin)) {
    if (!policy.siteUrl) return { drop: 'local' };
    const { pathname, search, hash } = new URL(uri);
    return { keep: absoluteUrl(policy.siteUrl, pathname + search + hash) };
  }
  const verdict = judgeUrl(uri, 'link', policy.source);
  return verdict.ok && (verdict.kind === 'web' || verdict.kind === 'mail' || verdict.kind === 'tel')
    ? { keep: uri }
    : { drop: 'refused' };
}

/** Applies the policy to every annotation's actions; returns what was refused (addresses, or action types). */
export function enforceLinkPolicy(doc: PDFDocument, policy: LinkPolicy): string[] {
  const refused: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict)) continue;
      if (annot.has(PDFName.of('AA'))) {
        annot.delete(PDFName.of('AA'));
        refused.push('/AA');
      }
      const action = annot.lookup(A);
      if (action === undefined) continue;
      const kind = action instanceof PDFDict ? action.lookup(S) : undefined;
      if (kind === GOTO) continue;
      const uri = kind === URI ? textOf((action as PDFDict).lookup(URI)) : undefined;
      const verdict: Verdict = uri === undefined ? { drop: 'refused' } : judge(uri, policy);
      if ('keep' in verdict) {
        if (verdict.keep !== uri) (action as PDFDict).set(URI, PDFString.of(verdict.keep));
        continue;
      }
      annot.delete(A);
      if (verdict.drop === 'refused') refused.push(uri ?? (kind instanceof PDFName ? kind.asString() : '/A'));
    }
  }
  return refused;
}
