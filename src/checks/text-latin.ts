// A stray English word inside Chinese prose (“投资规模 and 方向”), usually left
// over from a translation tool or an edit. Acronyms, units and model numbers
// (GDP, 5G, km, ZX-200) are normal and not reported.
import { around } from './text-context.ts';
import type { Hit, ReportRule } from './types.ts';

const UNITS = new Set([
  'km',
  'kg',
  'kw',
  'kwh',
  'mw',
  'mwh',
  'gw',
  'gb',
  'mb',
  'tb',
  'mm',
  'cm',
  'm',
  't',
  'ha',
  'kv',
  'mhz',
  'ghz',
  'ml',
  'l',
]);
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—]/;
// Runs of letters and digits with joiners: “5G”, “ZX-200”, “and”, “GDP”.
const TOKEN = /[A-Za-z0-9][A-Za-z0-9+\-_/.]*/g;

function neighbour(text: string, from: number, step: 1 | -1): string {
  let i = from;
  while (i >= 0 && i < text.length && /[ \t]/.test(text[i] ?? '')) i += step;
  return text[i] ?? '';
}

export function strayLatinWords(text: string): { index: number; word: string }[] {
  const out: { index: number; word: string }[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const word = m[0].replace(/[.\-_/+]+$/, '');
    if (!/^[A-Za-z]+$/.test(word) || word.length < 2) continue; // digits: 5G, 2023; single letters: A 类
    if (word === word.toUpperCase()) continue; // GDP, PPP, APP
    if (UNITS.has(word.toLowerCase())) continue;
    const before = neighbour(text, m.index - 1, -1);
    const after = neighbour(text, m.index + m[0].length, 1);
    if (CJK.test(before) && CJK.test(after)) out.push({ index: m.index, word });
  }
  return out;
}

export const latinWord: ReportRule = {
  id: 'text.latin-word',
  severity: 'warning',
  title: '中文句子中没有夹杂英文单词',
  check({ prose }) {
    return prose.flatMap((block) =>
      strayLatinWords(block.text).map(({ index, word }): Hit => ({
        at: { offset: block.offsetOf(index) },
        message: `中文句子中夹有英文单词“${word}”：“${around(block.text, index, word.length)}”`,
        hint: `若是“和”“与”等词误写，请改为中文；若原文如此，在 acknowledged 中说明（match: ${word}）。`,
        excerpt: around(block.text, index, word.length),
      })),
    );
  },
};
