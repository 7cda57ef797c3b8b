/**
 * The forum's third level: a thread and its replies oldest first (read page
 * by page), the reply form where the member may, and for teacher
 * administrators Delete on the thread and on each reply, after a
 * confirmation. A deleted thread leads back up to its discussion.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import type { ReplyCreateBodyInput, ReplyResponse, ThreadResponse } from '../../../../../functions/http/forum/schemas.ts';
import { BusyButton, ConfirmDialog, EmptyState, Pager, StatusMessage, usePagedList, type Status } from '../../../components/kit/index.ts';
import { apiDelete, apiPost } from '../../common/api.ts';
import { acknowledgement, type HeldAnswer } from '../guarded-post.tsx';
import { ReplyForm } from './forum-forms.tsx';
import type { ForumRights } from './forum-page.ts';
import { Byline, PostHead, type ForumApi } from './forum-shared.tsx';
import { failed } from '../../common/problems.ts';
import { fill, t } from '../../common/page.ts';
import type { WithRichBody } from '../../common/rich-body.ts';
import { Body } from '../../common/rich-text.tsx';

interface Props {
  thread: ThreadResponse;
  rights: ForumRights;
  api: ForumApi;
  /** After a move inside the page: the heading takes focus once the level shows. */
  focus: boolean;
  /** Once the thread is deleted: back up to its discussion, saying so there. */
  onThreadDeleted: (status: Status) => void;
}

type Asked = { thread: ThreadResponse } | { reply: ReplyResponse };

export function ThreadLevel({ thread, rights, api, focus, onThreadDeleted }: Props) {
  const replies = usePagedList(api.listReplies(thread.threadId));
  /** Replies sent here once the last page was read (oldest first: they belong at its end). */
  const [added, setAdded] = useState<ReplyResponse[]>([]);
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<Status>();
  const [threadStatus, setThreadStatus] = useState<Status>();
  const [ready, setReady] = useState(false);
  const [asked, setAsked] = useState<Asked>();
  const [deleting, setDeleting] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const repliesHeading = useRef<HTMLHeadingElement>(null);
  const threadPath = `${api.base}/threads/${encodeURIComponent(thread.threadId)}`;

  useEffect(() => {
    replies
      .reload()
      .catch((error: unknown) => failed(error, setStatus))
      .finally(() => setReady(true));
  }, []);
  useEffect(() => {
    if (ready && focus) heading.current?.focus();
  }, [ready]);

  const reply = async (body: RichDoc, acknowledged: boolean) => {
    const sent = await apiPost<ReplyResponse | HeldAnswer>(`${threadPath}/replies`, { body, ...acknowledgement(acknowledged) } satisfies WithRichBody<ReplyCreateBodyInput>);
    if ('held' in sent) return sent;
    // Oldest first: the new reply shows at once only when the last page is already here.
    if (replies.done) setAdded((before) => [...before, sent]);
  };

  const deleteThread = async () => {
    setAsked(undefined);
    setThreadStatus(undefined);
    setDeleting(thread.threadId);
    try {
      await apiDelete(threadPath);
      api.threads.delete(thread.threadId);
      onThreadDeleted({ tone: 'success', text: fill('forum.threadDeleted', { title: thread.title }) });
    } catch (error) {
      setDeleting(undefined);
      failed(error, setThreadStatus);
    }
  };

  const deleteReply = async (gone: ReplyResponse) => {
    setAsked(undefined);
    setStatus(undefined);
    setDeleting(gone.replyId);
    try {
      await apiDelete(`${threadPath}/replies/${encodeURIComponent(gone.replyId)}`);
      setRemoved((before) => new Set(before).add(gone.replyId));
      setStatus({ tone: 'success', text: t('forum.replyDeleted') });
      repliesHeading.current?.focus();
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setDeleting(undefined);
    }
  };

  const listed = new Set(replies.items.map((item) => item.replyId));
  const shown = [...replies.items, ...added.filter((item) => !listed.has(item.replyId))].filter((item) => !removed.has(item.replyId));
  const deleteLabel = fill('forum.deleteThread', { title: thread.title });
  return (
    <section class="card" aria-labelledby="thread-title-heading" hidden={!ready}>
      <PostHead post={thread} id="thread-title-heading" headingRef={heading} />
      {rights.moderate && (
        <p>
          <BusyButton class="danger" aria-label={deleteLabel} busy={deleting === thread.threadId} busyLabel={t('common.busy')} onClick={() => setAsked({ thread })}>
            {t('forum.delete')}
          </BusyButton>
        </p>
      )}
      <StatusMessage status={threadStatus} />
      <h3 id="replies-heading" tabindex={-1} ref={repliesHeading}>
        {t('forum.replies')}
      </h3>
      <StatusMessage status={status} />
      <ol class="plain decision-list forum-list" aria-labelledby="replies-heading">
        {shown.map((item) => (
          <li key={item.replyId}>
            <Byline post={item} />
            <Body item={item} headingLevel={4} class="forum-text" />
            {rights.moderate && (
              <BusyButton
                class="danger"
                aria-label={fill('forum.deleteReply', { name: item.authorName })}
                busy={deleting === item.replyId}
                busyLabel={t('common.busy')}
                onClick={() => setAsked({ reply: item })}
              >
                {t('forum.delete')}
              </BusyButton>
            )}
          </li>
        ))}
      </ol>
      {replies.loaded && shown.length === 0 && <EmptyState>{t('forum.noReplies')}</EmptyState>}
      {replies.loaded && <Pager done={replies.done} label={t('forum.more')} busyLabel={t('common.busy')} onMore={() => replies.more().catch((error: unknown) => failed(error, setStatus))} />}
      {rights.may('forum-reply', thread.area) && <ReplyForm onReply={reply} pictures={{ projectId: api.projectId, area: thread.area }} />}
      <ConfirmDialog
        open={!!asked}
        question={
          !asked ? '' : 'thread' in asked ? fill('forum.confirmDeleteThread', { title: asked.thread.title }) : fill('forum.confirmDeleteReply', { name: asked.reply.authorName })
        }
        confirmLabel={t('forum.delete')}
        cancelLabel={t('forum.cancel')}
        onConfirm={() => asked && void ('thread' in asked ? deleteThread() : deleteReply(asked.reply))}
        onCancel={() => setAsked(undefined)}
      />
    </section>
  );
}
