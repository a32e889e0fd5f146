// A report's department, found by its id in the registry.
import type { Department } from '../schema/department.ts';

/** Finds a report's department; a report of an unregistered one never gets this far (npm run check refuses it). */
export function departmentFinder(departments: readonly Department[]): (id: string) => Department {
  const byId = new Map(departments.map((d) => [d.id, d]));
  return (id) => {
    const department = byId.get(id);
    if (!department) throw new Error(`未登记的单位 ${id}（应已被 npm run check 拦下）`);
    return department;
  };
}
