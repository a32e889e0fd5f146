// Checks a deployed copy of the site against a build manifest: every listed
// file present with the same SHA-256, nothing unlisted added. By default the
// copy's own SHA256SUMS is used; `against` takes the manifest of a build you
// trust (e.g. rebuilt from the commit), so a tampered copy cannot vouch for itself.
import { join, resolve } from 'node:path';
import { EXIT, UserError } from '../cli/run.ts';
import { isDirectory } from '../lib/path-kind.ts';
import { hashTree, MANIFEST, readManifest } from './sha256sums.ts';

export async function verifyCopy(target: string, against: string | undefined): Promise<number> {
  const dir = resolve(target);
  if (!(await isDirectory(dir)))
    throw new UserError(`${dir} 不存在或不是目录：请给出网站副本所在的目录（其中有 SHA256SUMS）`);
  let manifestPath = join(dir, MANIFEST);
  if (against) {
    const trusted = resolve(against);
    manifestPath = (await isDirectory(trusted)) ? join(trusted, MANIFEST) : trusted;
  }
  const manifest = await readManifest(manifestPath).catch(() => {
    throw new UserError(`读不到文件清单 ${manifestPath}：请确认这是 npm run build 的输出（含 ${MANIFEST}）`);
  });
  if (manifest.errors.length) {
    for (const e of manifest.errors) console.error(`${manifestPath}:${e.line}  格式不对：${e.text.slice(0, 80)}`);
    console.error('文件清单本身已损坏或被修改。');
    return EXIT.problems;
  }
  const actual = await hashTree(dir);
  const missing = [...manifest.hashes.keys()].filter((f) => !actual.has(f));
  const changed = [...manifest.hashes].filter(([f, h]) => actual.has(f) && actual.get(f) !== h).map(([f]) => f);
  const extra = [...actual.keys()].filter((f) => !manifest.hashes.has(f));
  for (const f of missing) console.log(`缺少  ${f}`);
  for (const f of changed) console.log(`不同  ${f}`);
  for (const f of extra) console.log(`多出  ${f}`);
  const ok = missing.length + changed.length + extra.length === 0;
  console.log(
    ok
      ? `✓ ${dir} 与清单一致：${manifest.hashes.size} 个文件`
      : `✗ ${dir} 与清单不一致：缺少 ${missing.length}，不同 ${changed.length}，多出 ${extra.length}（清单 ${manifestPath}）`,
  );
  return ok ? EXIT.ok : EXIT.problems;
}
