// A short piece of text around a finding, for messages and acknowledgements.
export function around(text: string, index: number, length: number, before = 10, after = 6): string {
  const start = Math.max(0, index - before);
  const end = Math.min(text.length, index + length + after);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s*\n\s*/g, '')}${end < text.length ? '…' : ''}`;
}
