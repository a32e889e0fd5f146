// Before the site is rendered: the commit checked out (said in the build's
// log), each content file's commits and which files differ from the commit:
// what each report page's 版本记录 shows (see src/model/revision.ts). Never a
// date or time: the same commit must give the same bytes.
import { shortCommit, type Revision } from '../model/revision.ts';
import { readChangedFiles } from '../git/changed-files.ts';
import { readHead } from '../git/head.ts';
import { readHistory } from '../git/history.ts';
import type { BuildStep } from './context.ts';

export const revisionStep: BuildStep = {
  name: 'revision',
  title: '源文件版本',
  async run(ctx) {
    const head = await readHead(ctx.contentRoot);
    const revision: Revision =
      head.kind === 'commit' ? { kind: 'commit', commit: head.commit, dirty: head.dirty } : head;
    ctx.revision = revision;
    [ctx.history, ctx.changed] = await Promise.all([readHistory(ctx.contentRoot), readChangedFiles(ctx.contentRoot)]);
    if (revision.kind === 'none') return revision.reason;
    return `${shortCommit(revision.commit)}${revision.dirty ? '（工作区有未提交的修改）' : ''}`;
  },
};
