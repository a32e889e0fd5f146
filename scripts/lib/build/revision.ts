// Before the site is rendered: which commit of the content it shows, handed to
// the pages through GONGKAI_REVISION (see src/model/revision.ts). Never a date
// or time: the same commit must give the same bytes.
import { encodeRevision, REVISION_ENV, shortCommit, type Revision } from '../../../src/model/revision.ts';
import { readHead } from '../git/head.ts';
import type { BuildStep } from './types.ts';

export const revisionStep: BuildStep = {
  name: 'revision',
  title: '源文件版本',
  async run({ contentRoot }) {
    const head = await readHead(contentRoot);
    const revision: Revision =
      head.kind === 'commit' ? { kind: 'commit', commit: head.commit, dirty: head.dirty } : head;
    process.env[REVISION_ENV] = encodeRevision(revision);
    if (revision.kind === 'none') return revision.reason;
    return `${shortCommit(revision.commit)}${revision.dirty ? '（工作区有未提交的修改）' : ''}`;
  },
};
