// The seed report as the checks see it, loaded once, with a way to vary its
// figures for rule tests (structuredClone keeps the original intact).
import type { ReportInput } from '../../src/checks/types.ts';
import { loadContent, type ContentTree, type ReportFile } from '../../src/source/load.ts';
import type { Report } from '../../src/schema/report.ts';
import { SEED_CONTENT } from './content.ts';

let tree: Promise<ContentTree> | undefined;

export function seedTree(): Promise<ContentTree> {
  tree ??= loadContent(SEED_CONTENT);
  return tree;
}

export async function seedFile(): Promise<ReportFile> {
  const t = await seedTree();
  const report = t.reports[0];
  if (!report?.data) throw new Error('seed report did not load');
  return report;
}

/** The seed report as rule input, with its data changed by `change`. */
export async function seedInput(change: (data: Report) => void = () => {}): Promise<ReportInput> {
  const file = await seedFile();
  const data = structuredClone(file.data) as Report;
  change(data);
  if (!file.body) throw new Error('seed body did not parse');
  return { data, body: file.body, prose: file.prose };
}
