// Posts the diff summary as a note on the GitLab merge request the pipeline
// runs for, or updates the note it posted before (found by its marker). Needs
// an access token with api scope in GONGKAI_GITLAB_TOKEN; without one it says
// so and leaves the summary in the job log. The summary informs the review and
// never blocks a merge: a failure to post is a warning, not an error.
import { settings, type Settings } from '../config.ts';
import { COMMENT_MARKER } from './summary-markdown.ts';

interface Note {
  id: number;
  body: string;
}

export async function postNote(body: string, gitlab: Settings['gitlab'] = settings().gitlab): Promise<string> {
  const { token, api, project, mergeRequest: mr } = gitlab;
  if (!api || !project || !mr) return '不是合并请求流水线，未发表评论。';
  if (!token)
    return '未设置 CI/CD 变量 GONGKAI_GITLAB_TOKEN（需要 api 权限的访问令牌），未发表评论；摘要见上面的日志。';
  const notes = `${api}/projects/${encodeURIComponent(project)}/merge_requests/${mr}/notes`;
  const headers = { 'PRIVATE-TOKEN': token, 'Content-Type': 'application/json' };
  const list = await fetch(`${notes}?per_page=100&sort=asc`, { headers });
  if (!list.ok) return `警告：读取合并请求评论失败（HTTP ${list.status}），请检查 GONGKAI_GITLAB_TOKEN 的权限。`;
  const mine = ((await list.json()) as Note[]).find((n) => n.body.startsWith(COMMENT_MARKER));
  const r = await fetch(mine ? `${notes}/${mine.id}` : notes, {
    method: mine ? 'PUT' : 'POST',
    headers,
    body: JSON.stringify({ body }),
  });
  if (!r.ok) return `警告：发表评论失败（HTTP ${r.status}），请检查 GONGKAI_GITLAB_TOKEN 的权限。`;
  return mine ? '已更新合并请求中的报告改动摘要。' : '已在合并请求中发表报告改动摘要。';
}
