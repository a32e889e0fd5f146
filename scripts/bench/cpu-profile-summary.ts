// node scripts/bench/cpu-profile-summary.ts <dir of .cpuprofile files>
// Where a build's CPU time goes: the self time of every sampled function,
// summed by who owns its code (our src/, Astro, Vite/Rollup, the Markdown and
// HTML libraries, Node itself, garbage collection), over every process that
// wrote a profile. Made for docs/规模与基准.md; run a build with
// NODE_OPTIONS="--cpu-prof --cpu-prof-dir=<dir>" first.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Our own src/, not a dependency's. */
const SRC = `file://${PROJECT_ROOT}/src/`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ours = (folders: string) => new RegExp(`^${SRC}${folders}`);

const OWNERS: [RegExp, string][] = [
  [ours('render/'), '本项目：正文渲染（src/render）'],
  [ours('(pages|components|layouts)/'), '本项目：页面模板（src/pages、components、layouts）'],
  [ours('(model|figures|lib|schema)/'), '本项目：模型与数字（src/model、figures、lib、schema）'],
  [ours(''), '本项目：其他（src/）'],
  // Astro's build of our pages runs them from its output, under the site cache.
  [/node_modules\/\.cache\/gongkai\//, '本项目：编译后的页面（Astro 输出）'],
  [/node_modules\/(astro|@astrojs)\//, 'Astro'],
  [/node_modules\/(vite|rollup|@rollup|esbuild|postcss|lightningcss)\//, 'Vite / Rollup（打包）'],
  [
    /node_modules\/(hast-|mdast-|micromark|unified|remark-|rehype-|property-information|html-|parse5|entities)/,
    'Markdown / HTML 库',
  ],
  [/node_modules\/(zod|yaml)\//, 'zod / yaml'],
  [/node_modules\//, '其他依赖'],
  [/^node:|^internal\/|^$/, 'Node 本身'],
];

/** Waiting (for a child process, for I/O) is not CPU time. */
const IDLE = '(idle)';

function ownerOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName === IDLE) return IDLE;
  if (frame.functionName === '(garbage collector)') return '垃圾回收';
  if (frame.functionName === '(program)') return 'V8 本身（编译等）';
  for (const [re, owner] of OWNERS) if (re.test(frame.url)) return owner;
  return '其他';
}

const dir = process.argv[2];
if (!dir) {
  console.error('用法：node scripts/bench/cpu-profile-summary.ts <.cpuprofile 所在目录>');
  process.exit(2);
}
const totals = new Map<string, number>();
let all = 0;
for (const f of (await readdir(dir)).filter((n) => n.endsWith('.cpuprofile'))) {
  const profile = JSON.parse(await readFile(join(dir, f), 'utf8')) as Profile;
  const owner = new Map(profile.nodes.map((n) => [n.id, ownerOf(n.callFrame)]));
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    const o = owner.get(id) ?? '其他';
    if (o === IDLE) return;
    totals.set(o, (totals.get(o) ?? 0) + us);
    all += us;
  });
}
console.log('| 归属 | CPU 时间 | 占比 |\n| --- | ---: | ---: |');
for (const [o, us] of [...totals].sort((a, b) => b[1] - a[1]))
  console.log(`| ${o} | ${(us / 1e6).toFixed(1)} s | ${((us / all) * 100).toFixed(1)}% |`);
console.log(`| 合计（各进程之和） | ${(all / 1e6).toFixed(1)} s | 100% |`);
