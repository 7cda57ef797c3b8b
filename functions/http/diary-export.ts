/**
 * GET /projects/{projectId}/diary/export?format=md|html: the entries the
 * caller reads (the same views as the list), oldest first, with their
 * replies, as one Markdown file or one printable HTML page.
 */
import { allDiaryEntries } from '../data/diary.ts';
import { callerOf } from '../lib/claims.ts';
import { tableStore } from '../lib/clients.ts';
import { parseOr400 } from '../lib/errors.ts';
import { httpHandler, type HttpResult } from '../lib/http.ts';
import { requireDiaryReader } from './diary-access.ts';
import { diaryHtml, diaryMarkdown } from './diary-document.ts';
import { diaryExportQuery, diaryPathParams } from './diary-schemas.ts';

export const exportDiary = httpHandler(async (event): Promise<HttpResult> => {
  const caller = callerOf(event);
  const { projectId } = parseOr400(diaryPathParams, event.pathParameters ?? {}, 'path');
  const { format } = parseOr400(diaryExportQuery, event.queryStringParameters ?? {}, 'query');
  const store = tableStore();
  const { project, view } = await requireDiaryReader(store, projectId, caller, { write: false });
  const entries = await allDiaryEntries(store, projectId, { view, userId: caller.userId });
  const document = { projectTitle: project.title, entries };
  if (format === 'html') {
    return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: diaryHtml(document) };
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/markdown; charset=utf-8', 'content-disposition': `attachment; filename="project-diary-${projectId}.md"` },
    body: diaryMarkdown(document),
  };
});
