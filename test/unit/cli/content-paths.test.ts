// npm run check -- <paths>: a path that is not there, or not in the content
// tree, is pointed out; narrowed to it, the output would report "0 个错误"
// about nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { contentPaths, isUnder } from '../../../src/cli/content-paths.ts';
import { UserError } from '../../../src/cli/run.ts';
import { SEED_CONTENT } from '../../helpers/content.ts';

const refused = (paths: string[], message: RegExp) =>
  assert.throws(
    () => contentPaths(SEED_CONTENT, paths, SEED_CONTENT),
    (e) => e instanceof UserError && message.test(e.message),
  );

test('paths that are not there, or lie outside the content tree, are refused in Chinese', () => {
  refused(['reports/2023/kgxjj.mdx'], /^找不到 reports\/2023\/kgxjj\.mdx：请检查路径是否写对/);
  refused(['/etc/passwd'], /^\/etc\/passwd 不在内容目录 .* 中/);
  refused(['..'], /^\.\. 不在内容目录/);
  refused(['../content-elsewhere/reports'], /不在内容目录/);
});

test('files and folders of the tree narrow the output to what is in them, not to names that only start alike', () => {
  const [file, folder] = contentPaths(SEED_CONTENT, ['reports/2023/kgxj.mdx', 'reports'], SEED_CONTENT);
  assert.equal(file, join(SEED_CONTENT, 'reports/2023/kgxj.mdx'));
  assert.ok(isUnder(SEED_CONTENT, 'reports/2023/kgxj.mdx', [folder as string]));
  assert.ok(isUnder(SEED_CONTENT, 'reports/2023/kgxj.mdx', [file as string]));
  assert.ok(!isUnder(SEED_CONTENT, 'reports/2023/kgxj-b.mdx', [join(SEED_CONTENT, 'reports/2023/kgxj')]));
  assert.deepEqual(contentPaths(SEED_CONTENT, [], SEED_CONTENT), []);
});
