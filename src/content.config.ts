// Astro content collections over the content tree (content/ or GONGKAI_CONTENT).
// The schemas are the same ones `npm run check` applies, which runs first and
// explains problems with file:line; Astro only ever sees checked content.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { departmentSchema } from './schema/department.ts';
import { reportSchema } from './schema/report.ts';
import { siteSchema } from './schema/site.ts';
import { contentRoot, LAYOUT } from './source/content-root.ts';

const root = contentRoot();
const folder = (name: string) => pathToFileURL(join(root, name, '/'));

const reports = defineCollection({
  loader: glob({ pattern: '[0-9][0-9][0-9][0-9]/*.{md,mdx}', base: folder(LAYOUT.reports) }),
  schema: reportSchema,
});

const departments = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: folder(LAYOUT.departments) }),
  schema: departmentSchema,
});

const site = defineCollection({
  loader: async () => [{ id: 'site', ...parse(await readFile(join(root, LAYOUT.site), 'utf8')) }],
  schema: siteSchema.extend({ id: z.literal('site') }),
});

export const collections = { reports, departments, site };
