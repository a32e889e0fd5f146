// The published catalogue as pages see it: reports joined with their
// department, in a stable order. Pages use this, never getCollection directly,
// so the joining and ordering rules live in one place.
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Department } from '../schema/department.ts';
import type { Report } from '../schema/report.ts';
import type { Site } from '../schema/site.ts';
import { publishedOn } from './key-figures.ts';
import { reportPath } from './urls.ts';

export { reportPath };

export interface CatalogReport {
  entry: CollectionEntry<'reports'>;
  data: Report;
  department: Department;
  /** /reports/2023/kgxj/ */
  path: string;
}

export async function getSite(): Promise<Site> {
  const entry = await getEntry('site', 'site');
  if (!entry) throw new Error('site.yaml 未加载');
  const { id: _id, ...site } = entry.data;
  return site;
}

export async function getDepartments(): Promise<Department[]> {
  const all = await getCollection('departments');
  return all.map((d) => d.data).sort((a, b) => a.id.localeCompare(b.id));
}

/** Newest year first, then by department id. */
export async function getReports(): Promise<CatalogReport[]> {
  const [entries, departments] = await Promise.all([getCollection('reports'), getDepartments()]);
  const byId = new Map(departments.map((d) => [d.id, d]));
  return entries
    .map((entry) => {
      const department = byId.get(entry.data.department);
      if (!department) throw new Error(`未登记的单位 ${entry.data.department}（应已被 npm run check 拦下）`);
      return { entry, data: entry.data, department, path: reportPath(entry.data.year, entry.data.department) };
    })
    .sort((a, b) => b.data.year - a.data.year || a.data.department.localeCompare(b.data.department));
}

/** Years that have reports, newest first. */
export function yearsOf(reports: readonly CatalogReport[]): number[] {
  return [...new Set(reports.map((r) => r.data.year))].sort((a, b) => b - a);
}

/** Departments that have reports, in registry order, each with its reports (newest first). */
export function byDepartment(
  reports: readonly CatalogReport[],
  departments: readonly Department[],
): { department: Department; reports: CatalogReport[] }[] {
  return departments
    .map((department) => ({ department, reports: reports.filter((r) => r.department.id === department.id) }))
    .filter((d) => d.reports.length > 0);
}

/** Newest publication first (the feed, “最新发布”); ties by department. */
export function byPublication(reports: readonly CatalogReport[]): CatalogReport[] {
  return [...reports].sort(
    (a, b) =>
      publishedOn(b.data).localeCompare(publishedOn(a.data)) || a.data.department.localeCompare(b.data.department),
  );
}
