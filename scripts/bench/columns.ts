// Tables for a terminal: a Chinese character takes two columns, so the
// benchmarks' tables line up only when widths are counted that way.

/** Columns a string takes in a terminal (CJK characters and full-width forms take two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch)
      ? 2
      : 1;
  return width;
}

/** Rows of cells as lines, two spaces apart: right-aligned, but for the first column when it holds names. */
export function columns(rows: readonly (readonly string[])[], { names = true } = {}): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => displayWidth(row[i] ?? '')))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - displayWidth(cell));
        return i === 0 && names ? cell + pad : pad + cell;
      })
      .join('  ')
      .trimEnd(),
  );
}
