// Reading built HTML in tests without a browser: the visible text, attribute
// values, and a page's ids.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
export const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e] ?? _);

const BLOCK =
  /<\/?(?:p|div|li|dt|dd|td|th|tr|h[1-6]|caption|section|br|ul|ol|dl|table|figure|figcaption|nav|header|footer|main|article|svg|text|summary)\b[^>]*>/g;

/** The text a reader sees: tags removed (block boundaries become a space), whitespace collapsed. */
export function textOf(html: string): string {
  return decode(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
      .replace(BLOCK, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' '),
  );
}

/** Values of an attribute across the document, decoded. */
export function attributeValues(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => decode(m[1] ?? ''));
}

export function idsOf(html: string): Set<string> {
  return new Set(attributeValues(html, 'id'));
}
