// Normalising numbers as people type them in Chinese documents: full-width
// digits (８２５.７５), thousands separators (1,102.8 / 1，102.8), the
// full-width point (８２５．７５) and minus sign. Used to suggest the canonical
// form when a value is rejected, and by the importer to read prose.
import Big from 'big.js';

const FULL_WIDTH_DIGIT = /[０-９]/g;

export function toHalfWidthDigits(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/．/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/％/g, '%');
}

export function hasFullWidthDigits(text: string): boolean {
  return /[０-９．]/.test(text);
}

const GROUPED = /^-?\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/;

export function hasThousandsSeparators(text: string): boolean {
  return GROUPED.test(text);
}

/** "1,102.8" → "1102.8", "８２５.７５" → "825.75"; null when it is not a plain number at all. */
export function normaliseNumberText(text: string): string | null {
  let t = toHalfWidthDigits(text.trim());
  if (GROUPED.test(t)) t = t.replace(/[,，]/g, '');
  return /^-?\d+(?:\.\d+)?$/.test(t) ? t : null;
}

/** The canonical decimal string for a finite JS number (YAML gives numbers, not text). */
export function numberToDecimalText(n: number): string {
  // String(n) is the shortest text that reads back as n, so 825.75 stays "825.75";
  // Big only expands exponent forms (1e21, 1e-7) without another float step.
  return new Big(n).toFixed();
}

const CN_DIGITS = '〇一二三四五六七八九';

/**
 * A Chinese number from 一 to 九十九 as item numbers, months and days write
 * it (五, 十, 十五, 二十, 二十六) → 5, 10, 15, 20, 26; undefined for anything else.
 */
export function smallChineseNumber(text: string): number | undefined {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return ones === undefined ? CN_DIGITS.indexOf(tens ?? '') : undefined;
  return (tens ? CN_DIGITS.indexOf(tens) : 1) * 10 + (ones ? CN_DIGITS.indexOf(ones) : 0);
}

/** Digits written one by one, as years are (二〇二四, 二零二四) → 2024. */
export function chineseDigits(text: string): number | undefined {
  if (!/^[〇零一二三四五六七八九]+$/.test(text)) return undefined;
  return Number([...text].map((c) => CN_DIGITS.indexOf(c === '零' ? '〇' : c)).join(''));
}
