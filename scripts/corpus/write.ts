// Writes a synthetic content tree (site.yaml, departments/, reports/<year>/)
// usable with GONGKAI_CONTENT. Deterministic: the same options give the same bytes.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Random } from './random.ts';
import { departmentName, FAULTS, syntheticReport, type Fault } from './synthetic-report.ts';

export interface CorpusOptions {
  departments: number;
  years: number;
  out: string;
  seed?: number;
  /** Share of reports (0–1) given one deliberate fault, for check benchmarks. */
  faults?: number;
  /** The last fiscal year; earlier years count back from it. */
  lastYear?: number;
}

export interface CorpusSummary {
  reports: number;
  faulty: number;
  bytes: number;
}

const SITE = `# 合成数据（npm run bench:corpus 生成），不是真实内容
title: 示例省部门整体支出绩效自评报告公开（合成数据）
organizer: 示例省财政厅
url: https://gongkai.example.cn/
example: true
site_code: '0000000000'
icp: 湘ICP备00000000号
psb: 湘公网安备 00000000000000号
contact:
  email: xxgk@example.cn
`;

export async function writeCorpus(options: CorpusOptions): Promise<CorpusSummary> {
  const { departments, years, out, seed = 1, faults = 0, lastYear = 2024 } = options;
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'departments'), { recursive: true });
  await writeFile(join(out, 'site.yaml'), SITE);
  const rng = new Random(seed);
  const depts = Array.from({ length: departments }, (_, i) => departmentName(i, rng));
  for (let y = 0; y < years; y++) await mkdir(join(out, 'reports', String(lastYear - y)), { recursive: true });

  let bytes = 0;
  let faulty = 0;
  const writes: Promise<void>[] = [];
  const flush = async () => {
    await Promise.all(writes);
    writes.length = 0;
  };
  for (const d of depts) {
    const yaml = `id: ${d.id}\nname: ${d.name}\nshort_name: ${d.shortName}\nparent: 示例县人民政府\n`;
    writes.push(writeFile(join(out, 'departments', `${d.id}.yaml`), yaml));
    for (let y = 0; y < years; y++) {
      const fault: Fault | undefined = rng.chance(faults) ? rng.pick(FAULTS) : undefined;
      if (fault) faulty++;
      const text = syntheticReport(rng, d, lastYear - y, fault);
      bytes += Buffer.byteLength(text);
      writes.push(writeFile(join(out, 'reports', String(lastYear - y), `${d.id}.mdx`), text));
    }
    if (writes.length >= 256) await flush();
  }
  await flush();
  return { reports: departments * years, faulty, bytes };
}
