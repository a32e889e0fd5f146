// npm run bench:corpus -- --departments N --years Y --out <dir> [--seed S] [--faults 0.1]
// Writes a deterministic synthetic content tree for benchmarks and tests.
import { resolve } from 'node:path';
import { commandArgs } from '../src/cli/args.ts';
import { EXIT, run, UserError } from '../src/cli/run.ts';
import { writeCorpus } from './corpus/write.ts';

const USAGE = 'npm run bench:corpus -- --departments N --years Y --out 目录 [--seed S] [--faults 0.1]';

run(async () => {
  const { values } = commandArgs(
    {
      options: {
        departments: { type: 'string', default: '100' },
        years: { type: 'string', default: '1' },
        out: { type: 'string' },
        seed: { type: 'string', default: '1' },
        faults: { type: 'string', default: '0' },
      },
    },
    USAGE,
  );
  const count = (name: string, v: string | undefined) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UserError(`--${name} 应为正整数，收到 ${v}`);
    return n;
  };
  if (!values.out) throw new UserError('请用 --out <目录> 指定输出目录（会被清空后重写）');
  const faults = Number(values.faults);
  if (!(faults >= 0 && faults <= 1)) throw new UserError(`--faults 应在 0 到 1 之间，收到 ${values.faults}`);
  const start = performance.now();
  const s = await writeCorpus({
    departments: count('departments', values.departments),
    years: count('years', values.years),
    out: resolve(values.out),
    seed: count('seed', values.seed),
    faults,
  });
  console.log(
    `已生成 ${s.reports} 份报告（${(s.bytes / s.reports / 1024).toFixed(1)} KB/份，其中 ${s.faulty} 份有故意的错误）到 ${resolve(values.out)}（${((performance.now() - start) / 1000).toFixed(1)} 秒）`,
  );
  return EXIT.ok;
});
