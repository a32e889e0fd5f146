// Astro content collections for `npm run dev`, `astro check` and the editor
// (see src/content.config.ts). The frontmatter is validated against the same
// zod schemas `npm run check` applies (src/schema/); the data comes from our
// own reading of the content tree (content-loaders.ts), so what the checks
// validated is exactly what the pages render. Report bodies arrive as HTML
// rendered from the checked tree: nothing in content/ is compiled.
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { departmentsLoader, problemsLoader, reportsLoader, siteLoader } from './content-loaders.ts';
import { contentProblemSchema } from '../model/content-problems.ts';
import { departmentSchema } from '../schema/department.ts';
import { reportSchema } from '../schema/report.ts';
import { siteSchema } from '../schema/site.ts';

const reports = defineCollection({ loader: reportsLoader(), schema: reportSchema });
const departments = defineCollection({ loader: departmentsLoader(), schema: departmentSchema });
const site = defineCollection({ loader: siteLoader(), schema: siteSchema.safeExtend({ id: z.literal('site') }) });

const problems = defineCollection({ loader: problemsLoader(), schema: contentProblemSchema });

export const collections = { reports, departments, site, problems };
