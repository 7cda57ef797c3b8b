/**
 * What the forum island's levels share: the forum's API (lists read page by
 * page, every listed discussion and thread remembered so moving into one
 * needs no search), a post's byline and head, counted words, and a failure
 * said next to what caused it.
 */
import type { RefObject } from 'preact';
import type { ForumArea } from '../../../../../functions/domain/forum.ts';
import type { DiscussionResponse, DiscussionsPage, RepliesPage, ReplyResponse, ThreadResponse, ThreadsPage } from '../../../../../functions/http/forum/schemas.ts';
import { AbsoluteDate, Badge, type Status } from '../../../components/kit/index.ts';
import { plural } from '../../../i18n/plural.ts';
import { apiGet } from '../../common/api.ts';
import { dateLocale } from '../../common/dates.ts';
import { typeName } from '../../common/labels.ts';
import { fill, language, pageUrl, t } from '../../common/page.ts';
import { Body } from '../../common/rich-text.tsx';

export const forumUrl = (projectId: string, query: { discussion?: string; thread?: string } = {}) => pageUrl('twinspace/forum', { id: projectId, ...query });

export const counted = (prefix: 'forum.threadCount' | 'forum.replyCount', value: number) =>
  plural(value, { one: t(`${prefix}.one`), other: t(`${prefix}.other`) }, language);

export const areaName = (area: ForumArea) => t(`forum.area.${area}`);

function pageQuery(cursor: string | null, limit: number, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...extra, limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

/** The forum's API for one project; the lists it reads are remembered by id. */
export function forumApi(projectId: string) {
  const base = `/projects/${encodeURIComponent(projectId)}/forum`;
  const discussions = new Map<string, DiscussionResponse>();
  const threads = new Map<string, ThreadResponse>();
  return {
    projectId,
    base,
    discussions,
    threads,
    listDiscussions: (area: ForumArea, limit = 20) => async (cursor: string | null) => {
      const page = await apiGet<DiscussionsPage>(`${base}/discussions?${pageQuery(cursor, limit, { area })}`);
      page.items.forEach((discussion) => discussions.set(discussion.discussionId, discussion));
      return page;
    },
    listThreads: (discussionId: string, limit = 20) => async (cursor: string | null) => {
      const page = await apiGet<ThreadsPage>(`${base}/discussions/${encodeURIComponent(discussionId)}/threads?${pageQuery(cursor, limit)}`);
      page.items.forEach((thread) => threads.set(thread.threadId, thread));
      return page;
    },
    listReplies: (threadId: string) => (cursor: string | null) => apiGet<RepliesPage>(`${base}/threads/${encodeURIComponent(threadId)}/replies?${pageQuery(cursor, 20)}`),
  };
}
export type ForumApi = ReturnType<typeof forumApi>;

type Post = DiscussionResponse | ThreadResponse | ReplyResponse;

/** "by Ana García [Teacher administrator] Saturday 28 November 2026 at 15:00 · 2 replies": names as the API gives them (pupils by first name). */
export function Byline({ post, extra }: { post: Post; extra?: string }) {
  return (
    <p class="forum-meta">
      <span>{fill('forum.by', { name: post.authorName })}</span>
      <Badge>{typeName(post.authorType)}</Badge>
      <span class="muted">
        <AbsoluteDate value={post.createdAt} locale={dateLocale} />
        {extra ? ` · ${extra}` : ''}
      </span>
    </p>
  );
}

/** A discussion or a thread itself: its title (the level's heading), byline and text (its headings under the title). */
export function PostHead({ post, id, headingRef }: { post: DiscussionResponse | ThreadResponse; id: string; headingRef: RefObject<HTMLHeadingElement> }) {
  return (
    <>
      <h2 id={id} tabindex={-1} ref={headingRef}>
        {post.title}
      </h2>
      <Byline post={post} extra={areaName(post.area)} />
      <Body item={post} headingLevel={3} class="forum-text" />
    </>
  );
}
