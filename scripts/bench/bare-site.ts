// The anchor of `npm run bench -- --against-bare`: the same corpus built by a
// minimal Astro site with no project code. Astro 7 + @astrojs/mdx (the
// project's own versions) compile every report as MDX through a glob content
// collection, one page per report with its frontmatter title, then Pagefind
// (the project's version) indexes them. What a plain Astro setup costs for the
// same reports, to hold our build against.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

const CONFIG = `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
export default defineConfig({ integrations: [mdx()], build: { format: 'directory' }, devToolbar: { enabled: false } });
`;

const COLLECTIONS = (content: string) => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const reports = defineCollection({
  loader: glob({ pattern: '*/*.{md,mdx}', base: ${JSON.stringify(join(content, 'reports'))} }),
  schema: z.object({ title: z.string() }).passthrough(),
});
export const collections = { reports };
`;

// The corpus's bodies use two components; the bare site renders them as nothing.
const STUB = `---
---
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';
import Stub from '../../components/Stub.astro';
export async function getStaticPaths() {
  return (await getCollection('reports')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
<body data-pagefind-body><h1>{entry.data.title}</h1><Content components={{ Fig: Stub, Duties: Stub }} /></body></html>
`;

/**
 * Writes the bare project into `dir` (inside the project, so it resolves the
 * project's node_modules) for the corpus at `content`; returns the commands
 * that build it and index it, as [command, args] pairs.
 */
export async function writeBareSite(dir: string, content: string): Promise<[string, string[]][]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'src/pages/reports'), { recursive: true });
  await mkdir(join(dir, 'src/components'), { recursive: true });
  await writeFile(join(dir, 'astro.config.mjs'), CONFIG);
  await writeFile(join(dir, 'src/content.config.ts'), COLLECTIONS(content));
  await writeFile(join(dir, 'src/components/Stub.astro'), STUB);
  await writeFile(join(dir, 'src/pages/reports/[...slug].astro'), PAGE);
  if (!relative(PROJECT_ROOT, dir).startsWith('node_modules'))
    throw new Error('the bare site must live under node_modules/');
  const module = (path: string) => join(PROJECT_ROOT, 'node_modules', path);
  return [
    [process.execPath, [module('astro/bin/astro.mjs'), 'build', '--root', dir, '--silent']],
    [process.execPath, [module('pagefind/lib/runner/bin.cjs'), '--site', join(dir, 'dist'), '--silent']],
  ];
}
