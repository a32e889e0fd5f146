// The links of a finished PDF against the report URL policy, on a PDF made
// here with every kind of action: what the policy allows stays, links to the
// print server move to the public site, everything else loses its action.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { enforceLinkPolicy, type LinkPolicy } from '../../../src/print/pdf/link-annotations.ts';

const POLICY: LinkPolicy = {
  localOrigin: 'http://127.0.0.1:41234',
  siteUrl: 'https://gongkai.example.cn/',
  source: 'reports/2023/kgxj.mdx',
};

type Action = Record<string, PDFString | PDFHexString | PDFName>;

async function pdfWith(actions: (Action | undefined)[], extra: Record<string, Action> = {}) {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const annots = actions.map((action) => {
    const annot: Record<string, unknown> = { Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10] };
    if (action) annot.A = doc.context.obj(action);
    for (const [k, v] of Object.entries(extra)) annot[k] = doc.context.obj(v);
    return doc.context.register(doc.context.obj(annot as never));
  });
  page.node.set(PDFName.of('Annots'), doc.context.obj(annots));
  return doc;
}

const uri = (u: string, hex = false): Action => ({
  S: PDFName.of('URI'),
  URI: hex ? PDFHexString.fromText(u) : PDFString.of(u),
});

function actionsOf(doc: PDFDocument): (string | undefined)[] {
  const annots = doc.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray);
  return annots.asArray().map((_, i) => {
    const action = annots.lookup(i, PDFDict).lookup(PDFName.of('A'));
    if (!(action instanceof PDFDict)) return undefined;
    const target = action.lookup(PDFName.of('URI'));
    return target instanceof PDFString || target instanceof PDFHexString
      ? target.decodeText()
      : action.lookup(PDFName.of('S'))?.toString();
  });
}

test('web, mail and phone links stay; links into the document stay', async () => {
  const doc = await pdfWith([
    uri('https://www.example.gov.cn/a?b=1'),
    uri('http://example.cn/'),
    uri('mailto:czj@example.cn'),
    uri('tel:07431234567'),
    { S: PDFName.of('GoTo'), D: PDFString.of('top') },
  ]);
  assert.deepEqual(enforceLinkPolicy(doc, POLICY), []);
  assert.deepEqual(actionsOf(doc), [
    'https://www.example.gov.cn/a?b=1',
    'http://example.cn/',
    'mailto:czj@example.cn',
    'tel:07431234567',
    '/GoTo',
  ]);
});

test('links to the print server become the same path on the public site', async () => {
  const doc = await pdfWith([uri('http://127.0.0.1:41234/reports/2022/kgxj/?x=1#top'), uri('http://127.0.0.1:41234/')]);
  assert.deepEqual(enforceLinkPolicy(doc, POLICY), []);
  assert.deepEqual(actionsOf(doc), [
    'https://gongkai.example.cn/reports/2022/kgxj/?x=1#top',
    'https://gongkai.example.cn/',
  ]);
});

test('without a public address, links to the print server lose their action', async () => {
  const doc = await pdfWith([uri('http://127.0.0.1:41234/reports/2022/kgxj/')]);
  assert.deepEqual(enforceLinkPolicy(doc, { ...POLICY, siteUrl: undefined }), []);
  assert.deepEqual(actionsOf(doc), [undefined]);
});

test('addresses the policy refuses lose their action and are reported, however they are written', async () => {
  const refused = ['file:///etc/passwd', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'ftp://x/'];
  const doc = await pdfWith([...refused.map((u) => uri(u)), uri('file:///etc/shadow', true)]);
  assert.deepEqual(enforceLinkPolicy(doc, POLICY), [...refused, 'file:///etc/shadow']);
  assert.deepEqual(actionsOf(doc), Array(refused.length + 1).fill(undefined));
});

test('other actions and additional actions are removed', async () => {
  const doc = await pdfWith(
    [
      { S: PDFName.of('Launch'), F: PDFString.of('/bin/sh') },
      { S: PDFName.of('JavaScript'), JS: PDFString.of('app.alert(1)') },
    ],
    { AA: { S: PDFName.of('JavaScript'), JS: PDFString.of('app.alert(2)') } },
  );
  assert.deepEqual(enforceLinkPolicy(doc, POLICY), ['/AA', '/Launch', '/AA', '/JavaScript']);
  assert.deepEqual(actionsOf(doc), [undefined, undefined]);
  const annot = doc.getPages()[0]!.node.lookup(PDFName.of('Annots'), PDFArray).lookup(0, PDFDict);
  assert.equal(annot.get(PDFName.of('AA')), undefined);
});
