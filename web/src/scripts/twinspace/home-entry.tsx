/**
 * One entry of the TwinSpace home: a member's post (its text through the
 * kit's RichText, headings under the feed's; likes,
 * comments opened in place, pin and delete as the reader may) or an automatic
 * entry in words. Built from the kit; every outcome is said next to it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CommentBodyInput, CommentResponse, FeedEntryResponse, PostResponse } from '../../../../functions/http/home/schemas.ts';
import { Badge, BusyButton, ConfirmDialog, EmptyState, FormField, Pager, RelativeDate, StatusMessage, usePagedList, type Status } from '../../components/kit/index.ts';
import { plural } from '../../i18n/plural.ts';
import { apiDelete, apiGet, apiPost, apiPut } from '../common/api.ts';
import { acknowledgement, useGuardedPost, type HeldAnswer } from './guarded-post.tsx';
import { entryHref, entrySentence, type HomeRights } from './home-page.ts';
import { typeName } from '../common/labels.ts';
import { fill, language, t } from '../common/page.ts';
import { personName } from '../common/person.ts';
import { failed } from '../common/problems.ts';
import { Body } from '../common/rich-text.tsx';

export interface EntryContext {
  homePath: string;
  rights: HomeRights;
  me: string;
  locale: string;
  /** The list changed (pin, delete): read it again, saying what happened. */
  changed: (status: Status) => Promise<void>;
}

export function EntryItem({ entry, context }: { entry: FeedEntryResponse; context: EntryContext }) {
  const [status, setStatus] = useState<Status>();
  const [confirming, setConfirming] = useState(false);
  const postPath = `${context.homePath}/posts/${encodeURIComponent(entry.entryId)}`;
  const isPost = entry.kind === 'post';
  const mayDelete = context.rights.writable && (context.rights.moderate || (isPost && entry.author.userId === context.me && context.rights.post));

  const remove = async () => {
    setConfirming(false);
    try {
      await apiDelete(postPath);
      await context.changed({ tone: 'success', text: t('home.deleted') });
    } catch (error) {
      failed(error, setStatus);
    }
  };

  return (
    <li class={`home-entry${isPost && entry.pinned ? ' home-pinned' : ''}`}>
      {isPost ? <Post post={entry} context={context} postPath={postPath} onStatus={setStatus} /> : (
        <p class="home-auto">
          <a href={entryHref(entry, language)}>{entrySentence(entry, fill, typeName)}</a>{' '}
          <span class="muted">
            <RelativeDate value={entry.createdAt} locale={context.locale} />
          </span>
        </p>
      )}
      {mayDelete && (
        <div class="actions">
          <button type="button" class="danger" aria-label={`${t('home.delete')}: ${isPost ? personName(entry.author.name) : entrySentence(entry, fill, typeName)}`} onClick={() => setConfirming(true)}>
            {t('home.delete')}
          </button>
        </div>
      )}
      <StatusMessage status={status} />
      <ConfirmDialog
        open={confirming}
        question={t(isPost ? 'home.confirmDelete' : 'home.confirmDeleteEntry')}
        confirmLabel={t('home.delete')}
        cancelLabel={t('home.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      />
    </li>
  );
}

function Post({ post, context, postPath, onStatus }: { post: PostResponse; context: EntryContext; postPath: string; onStatus: (status: Status | undefined) => void }) {
  const [liked, setLiked] = useState(post.likedByMe);
  const [likes, setLikes] = useState(post.likeCount);
  const [comments, setComments] = useState(post.commentCount);
  const [open, setOpen] = useState(false);
  const commentsId = `comments-${post.entryId}`;

  const toggleLike = async () => {
    onStatus(undefined);
    try {
      if (liked) await apiDelete(`${postPath}/like`);
      else await apiPut(`${postPath}/like`, {});
      setLikes((count) => count + (liked ? -1 : 1));
      setLiked(!liked);
    } catch (error) {
      failed(error, onStatus);
    }
  };

  const togglePin = async () => {
    onStatus(undefined);
    try {
      if (post.pinned) await apiDelete(`${postPath}/pin`);
      else await apiPost(`${postPath}/pin`);
      await context.changed({ tone: 'success', text: t(post.pinned ? 'home.unpinnedDone' : 'home.pinnedDone') });
    } catch (error) {
      failed(error, onStatus);
    }
  };

  return (
    <article aria-label={`${personName(post.author.name)}, ${typeName(post.author.type)}`}>
      <p class="home-meta">
        <strong>{personName(post.author.name)}</strong> <span class="muted">({typeName(post.author.type)})</span>{' '}
        <span class="muted">
          <RelativeDate value={post.createdAt} locale={context.locale} />
        </span>{' '}
        {post.pinned && <Badge variant="info">{t('home.pinned')}</Badge>}
      </p>
      <Body item={post} headingLevel={3} class="home-body" />
      <div class="actions">
        <span class="muted">{plural(likes, { one: t('home.likes.one'), other: t('home.likes.other') }, language)}</span>
        {context.rights.react && (
          <BusyButton class="secondary" busyLabel={t('common.busy')} aria-pressed={liked ? 'true' : 'false'} onClick={toggleLike}>
            {t('home.like')}
          </BusyButton>
        )}
        <button type="button" class="secondary" aria-expanded={open ? 'true' : 'false'} aria-controls={commentsId} onClick={() => setOpen(!open)}>
          {fill('home.showComments', { count: String(comments) })}
        </button>
        {context.rights.moderate && (
          <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={togglePin}>
            {t(post.pinned ? 'home.unpin' : 'home.pin')}
          </BusyButton>
        )}
      </div>
      <div id={commentsId} hidden={!open}>
        {open && <Comments postPath={postPath} context={context} onCount={(change) => setComments((count) => count + change)} />}
      </div>
    </article>
  );
}

function Comments({ postPath, context, onCount }: { postPath: string; context: EntryContext; onCount: (change: number) => void }) {
  const list = usePagedList<CommentResponse>((cursor) => {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<{ items: CommentResponse[]; nextCursor: string | null }>(`${postPath}/comments?${query}`);
  });
  const [status, setStatus] = useState<Status>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [toDelete, setToDelete] = useState<CommentResponse>();
  const fieldId = `${postPath.replace(/\W/g, '-')}-comment`;
  const guard = useGuardedPost();

  useEffect(() => {
    list.reload().catch((error: unknown) => failed(error, setStatus));
  }, []);

  const add = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    if (!text.trim()) return setProblem(t('home.required'));
    setProblem(undefined);
    setSaving(true);
    try {
      const body = text;
      const sent = await guard.send(
        (acknowledged) => apiPost<CommentResponse | HeldAnswer>(`${postPath}/comments`, { body, ...acknowledgement(acknowledged) } satisfies CommentBodyInput),
        { body },
        () => document.getElementById(fieldId),
      );
      if ('cancelled' in sent) return;
      // Held: the text leaves the field all the same; it shows under the notice.
      setText('');
      if ('held' in sent) return;
      onCount(1);
      await list.reload();
      setStatus({ tone: 'success', text: t('home.commented') });
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (comment: CommentResponse) => {
    setToDelete(undefined);
    try {
      await apiDelete(`${postPath}/comments/${encodeURIComponent(comment.commentId)}`);
      onCount(-1);
      await list.reload();
      setStatus({ tone: 'success', text: t('home.deleted') });
    } catch (error) {
      failed(error, setStatus);
    }
  };

  return (
    <section class="home-comments" aria-label={t('home.comments')}>
      <ul class="plain">
        {list.items.map((comment) => (
          <li key={comment.commentId}>
            <p class="home-meta">
              <strong>{personName(comment.author.name)}</strong>{' '}
              <span class="muted">
                <RelativeDate value={comment.createdAt} locale={context.locale} />
              </span>
            </p>
            <p class="home-body">{comment.body}</p>
            {context.rights.writable && (context.rights.moderate || (context.rights.react && comment.author.userId === context.me)) && (
              <button type="button" class="danger" aria-label={`${t('home.delete')}: ${comment.body.slice(0, 40)}`} onClick={() => setToDelete(comment)}>
                {t('home.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {list.loaded && list.items.length === 0 && <EmptyState>{t('home.noComments')}</EmptyState>}
      {list.loaded && <Pager done={list.done} label={t('home.more')} busyLabel={t('common.busy')} onMore={() => list.more().catch((error: unknown) => failed(error, setStatus))} />}
      {context.rights.react && (
        <form onSubmit={(event) => void add(event)} noValidate>
          <FormField id={fieldId} label={t('home.yourComment')} error={problem}>
            {(control) => <textarea {...control} rows={2} maxLength={2000} value={text} onInput={(event) => setText(event.currentTarget.value)} />}
          </FormField>
          <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
            {t('home.comment')}
          </BusyButton>
        </form>
      )}
      <StatusMessage status={status} />
      {guard.feedback}
      <ConfirmDialog
        open={!!toDelete}
        question={t('home.confirmDeleteComment')}
        confirmLabel={t('home.delete')}
        cancelLabel={t('home.cancel')}
        onConfirm={() => toDelete && void remove(toDelete)}
        onCancel={() => setToDelete(undefined)}
      />
    </section>
  );
}
