// A corpus for the PDF benchmark: the seed tree plus n − 1 copies of its
// report under synthetic departments bench-002 … (a placeholder until the
// full corpus generator exists; every report is the seed's ~10 pages).
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function syntheticCorpus(base: string, n: number, dir: string): Promise<string> {
  await cp(base, dir, { recursive: true });
  const department = await readFile(join(base, 'departments/kgxj.yaml'), 'utf8');
  const report = await readFile(join(base, 'reports/2023/kgxj.mdx'), 'utf8');
  await mkdir(join(dir, 'reports/2023'), { recursive: true });
  for (let i = 2; i <= n; i++) {
    const id = `bench-${String(i).padStart(3, '0')}`;
    await writeFile(join(dir, 'departments', `${id}.yaml`), department.replace('id: kgxj', `id: ${id}`));
    await writeFile(join(dir, 'reports/2023', `${id}.mdx`), report.replace('department: kgxj', `department: ${id}`));
  }
  return dir;
}
