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
