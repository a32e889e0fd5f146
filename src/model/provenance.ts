// Where a report page comes from, as its 版本记录 shows it: the version of
// its source file, and the commits that changed the report (最后更新 and
// the change history, GOV.UK style). All from git at build time, nothing from
// the clock: the same commit builds the same page.
import { formatChineseDate } from '../schema/date.ts';
import type { CatalogReport } from './catalog.ts';
import { commitUrl, shortCommit, type Revision } from './revision.ts';

export interface Change {
  /** 2024年6月26日 */
  date: string;
  /** YYYY-MM-DD, for <time datetime>. */
  iso: string;
  subject: string;
  commit: string;
  short: string;
  link: string | undefined;
}

export interface Provenance {
  revision: Revision;
  /** The link to that commit, when site.yaml has commit_url. */
  revisionLink: string | undefined;
  /** Newest first; empty outside git. */
  changes: Change[];
}

export function provenance(report: CatalogReport, commitTemplate: string | undefined): Provenance {
  const { revision } = report;
  return {
    revision,
    revisionLink: revision.kind === 'commit' ? commitUrl(commitTemplate, revision.commit) : undefined,
    changes: report.history.map((c) => ({
      date: formatChineseDate(c.date),
      iso: c.date,
      subject: c.subject,
      commit: c.commit,
      short: shortCommit(c.commit),
      link: commitUrl(commitTemplate, c.commit),
    })),
  };
}
