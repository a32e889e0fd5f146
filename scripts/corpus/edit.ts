// The one-report edits a clerk makes, on a synthetic corpus (write.ts): for the
// benchmark's rebuild and the tests that compare a rebuild with a clean build.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * 'figures': the report's 年初预算批复数 in frontmatter and text alike (a real
 * correction, still valid). 'paragraph': a sentence added to the paragraph
 * that states it; no figure changes.
 */
export type Edit = 'figures' | 'paragraph';

export async function editOneReport(content: string, department: string, year: number, edit: Edit): Promise<void> {
  const file = join(content, 'reports', String(year), `${department}.mdx`);
  const text = await readFile(file, 'utf8');
  const m = /^ {2}initial: (\d+)\.(\d\d)$/m.exec(text);
  if (!m) throw new Error(`${file}: 找不到 initial`);
  const stated = `年初预算批复数${m[1]}.${m[2]}万元`;
  if (!text.includes(stated)) throw new Error(`${file}: 正文中找不到“${stated}”`);
  if (edit === 'paragraph') {
    const newline = text.indexOf('\n', text.indexOf(stated));
    const end = newline < 0 ? text.length : newline;
    await writeFile(file, `${text.slice(0, end)}年度中未调整预算。${text.slice(end)}`);
    return;
  }
  const next = `${Number(m[1]) + 1}.${m[2]}`;
  await writeFile(
    file,
    text.replace(`  initial: ${m[1]}.${m[2]}`, `  initial: ${next}`).replace(stated, `年初预算批复数${next}万元`),
  );
}
