// Astro content collections over the content tree (content/ or GONGKAI_CONTENT).
// The schemas are the same ones `npm run check` applies, which runs first and
// explains problems with file:line; Astro only ever sees checked content.
//
// When the site is built in parts (src/model/part.ts), each part is given a
// content tree of its own: a report part's holds just its reports and their
// departments; the catalogue part loads no report bodies at all (it reads
// every report's checked figures from the file the build writes, see
// src/model/catalog.ts).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { sitePart } from './model/part.ts';
import { departmentSchema } from './schema/department.ts';
import { reportSchema } from './schema/report.ts';
import { siteSchema } from './schema/site.ts';
import { contentRoot, LAYOUT } from './source/content-root.ts';

const root = contentRoot();
const folder = (name: string) => pathToFileURL(join(root, name, '/'));
const part = sitePart();

/** The report files this build renders, relative to reports/: none for the catalogue. */
const reportPattern = part === 'catalog' ? '__none__/*.mdx' : '[0-9][0-9][0-9][0-9]/*.{md,mdx}';

const reports = defineCollection({
  loader: glob({ pattern: reportPattern, base: folder(LAYOUT.reports) }),
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
