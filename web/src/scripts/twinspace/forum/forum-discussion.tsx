/**
 * The forum's second level: a discussion, its threads newest first (read
 * page by page), "Open a thread" where the member may, and for teacher
 * administrators a Delete per thread, after a confirmation.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import type { DiscussionResponse, ThreadCreateBodyInput, ThreadResponse } from '../../../../../functions/http/forum/schemas.ts';
import { BusyButton, ConfirmDialog, EmptyState, Pager, StatusMessage, usePagedList, type Status } from '../../../components/kit/index.ts';
import { apiDelete, apiPost } from '../../common/api.ts';
import { acknowledgement, type HeldAnswer } from '../guarded-post.tsx';
import { TopicOpener } from './forum-forms.tsx';
import type { ForumRights } from './forum-page.ts';
import { Byline, counted, forumUrl, PostHead, type ForumApi } from './forum-shared.tsx';
import { failed } from '../../common/problems.ts';
import { fill, t } from '../../common/page.ts';
import type { WithRichBody } from '../../common/rich-body.ts';

interface Props {
  discussion: DiscussionResponse;
  projectId: string;
  rights: ForumRights;
  api: ForumApi;
  /** After a move inside the page: the heading takes focus once the level shows. */
  focus: boolean;
  /** What the move that led here did (a thread deleted from its own page). */
  flash?: Status;
}

export function DiscussionLevel({ discussion, projectId, rights, api, focus, flash }: Props) {
  const threads = usePagedList(api.listThreads(discussion.discussionId));
  const [status, setStatus] = useState<Status | undefined>(flash);
  const [ready, setReady] = useState(false);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [toDelete, setToDelete] = useState<ThreadResponse>();
  const [deleting, setDeleting] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const threadsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    threads
      .reload()
      .catch((error: unknown) => failed(error, setStatus))
      .finally(() => setReady(true));
  }, []);
  useEffect(() => {
    if (ready && focus) heading.current?.focus();
  }, [ready]);

  const open = async (values: { title: string; body: RichDoc }, acknowledged: boolean) => {
    const path = `${api.base}/discussions/${encodeURIComponent(discussion.discussionId)}/threads`;
    const thread = await apiPost<ThreadResponse | HeldAnswer>(path, { ...values, ...acknowledgement(acknowledged) } satisfies WithRichBody<ThreadCreateBodyInput>);
    if ('held' in thread) return thread;
    await threads.reload().catch((error: unknown) => failed(error, setStatus));
    return fill('forum.threadOpened', { title: thread.title });
  };

  const remove = async (thread: ThreadResponse) => {
    setToDelete(undefined);
    setStatus(undefined);
    setDeleting(thread.threadId);
    try {
      await apiDelete(`${api.base}/threads/${encodeURIComponent(thread.threadId)}`);
      api.threads.delete(thread.threadId);
      setRemoved((before) => new Set(before).add(thread.threadId));
      setStatus({ tone: 'success', text: fill('forum.threadDeleted', { title: thread.title }) });
      threadsHeading.current?.focus();
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setDeleting(undefined);
    }
  };

  const shown = threads.items.filter((thread) => !removed.has(thread.threadId));
  return (
    <section class="card" aria-labelledby="discussion-title" hidden={!ready}>
      <PostHead post={discussion} id="discussion-title" headingRef={heading} />
      <h3 id="threads-heading" tabindex={-1} ref={threadsHeading}>
        {t('forum.threads')}
      </h3>
      <StatusMessage status={status} />
      <ul class="plain decision-list forum-list" aria-labelledby="threads-heading">
        {shown.map((thread) => (
          <li key={thread.threadId}>
            <a class="forum-title" href={forumUrl(projectId, { discussion: thread.discussionId, thread: thread.threadId })}>
              {thread.title}
            </a>
            <Byline post={thread} extra={counted('forum.replyCount', thread.replyCount)} />
            {rights.moderate && (
              <BusyButton
                class="danger"
                aria-label={fill('forum.deleteThread', { title: thread.title })}
                busy={deleting === thread.threadId}
                busyLabel={t('common.busy')}
                onClick={() => setToDelete(thread)}
              >
                {t('forum.delete')}
              </BusyButton>
            )}
          </li>
        ))}
      </ul>
      {threads.loaded && shown.length === 0 && <EmptyState>{t('forum.noThreads')}</EmptyState>}
      {threads.loaded && <Pager done={threads.done} label={t('forum.more')} busyLabel={t('common.busy')} onMore={() => threads.more().catch((error: unknown) => failed(error, setStatus))} />}
      {rights.may('forum-open-thread', discussion.area) && (
        <TopicOpener
          id="thread"
          openLabel={t('forum.openThread')}
          submitLabel={t('forum.openThreadSubmit')}
          onOpen={open}
          pictures={{ projectId, area: discussion.area }}
        />
      )}
      <ConfirmDialog
        open={!!toDelete}
        question={toDelete ? fill('forum.confirmDeleteThread', { title: toDelete.title }) : ''}
        confirmLabel={t('forum.delete')}
        cancelLabel={t('forum.cancel')}
        onConfirm={() => toDelete && void remove(toDelete)}
        onCancel={() => setToDelete(undefined)}
      />
    </section>
  );
}
