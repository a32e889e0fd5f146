// node scripts/gitlab-note.ts <file.md>: posts (or updates) the report diff
// summary as a note on the GitLab merge request of this pipeline.
import { readFile } from 'node:fs/promises';
import { postNote } from '../src/diff/gitlab-note.ts';

const file = process.argv[2];
if (!file) {
  console.error('用法：node scripts/gitlab-note.ts <摘要文件.md>');
  process.exitCode = 1;
} else {
  const body = await readFile(file, 'utf8');
  console.log(await postNote(body).catch((e: Error) => `警告：无法连接 GitLab（${e.message}），未发表评论。`));
}
