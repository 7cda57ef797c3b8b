/**
 * The TwinSpace home (?id=<projectId>), a Preact island built from the kit:
 * the post box (members who may post; the rich-text editor, fetched when the
 * box is used), the updates newest first with the
 * pinned posts on top, read page by page ("Load more"), and the teachers'
 * board for the project's teachers. Visitors and a closed project read only.
 * Before approval there is no home yet (the page shows the project instead).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { feedLimits } from '../../../../functions/domain/feed.ts';
import type { RichDoc } from '../../../../functions/domain/rich-text-core.ts';
import type { TwinspaceType } from '../../../../functions/domain/twinspace-types.ts';
import type { FeedEntryResponse, HomePage, NoteResponse, PostBodyInput, PostResponse } from '../../../../functions/http/home/schemas.ts';
import { BusyButton, ConfirmDialog, EmptyState, FormField, Pager, readerLocale, RelativeDate, StatusMessage, usePagedList, type Status } from '../../components/kit/index.ts';
import { apiDelete, apiGet, apiPost } from '../common/api.ts';
import { EntryItem, type EntryContext } from './home-entry.tsx';
import { acknowledgement, useGuardedPost, type HeldAnswer } from './guarded-post.tsx';
import { failed } from '../common/problems.ts';
import { homeRights, subOf, type HomeRights } from './home-page.ts';
import { docProblem, emptyDoc, type WithRichBody } from '../common/rich-body.ts';
import { problemWords, TextField } from '../common/rich-text.tsx';
import { typeName } from '../common/labels.ts';
import { language, t } from '../common/page.ts';
import { personName } from '../common/person.ts';
import { currentSession } from '../common/session.ts';
import { currentProject, projectIdOfPage } from './twinspace-project.ts';

const locale = readerLocale(language, navigator.languages);

export default function HomeIsland() {
  const [home, setHome] = useState<{ projectId: string; type: TwinspaceType | null; rights: HomeRights; me: string }>();
  useEffect(() => {
    const session = currentSession();
    const projectId = projectIdOfPage();
    if (!session || !projectId) return;
    // The page itself says why a project cannot be opened; the home then stays away.
    currentProject().then(
      (project) => {
        if (project.state !== 'approved' && project.state !== 'closed') return;
        setHome({ projectId, type: project.myType, rights: homeRights(project.myType, project.state), me: subOf(session.idToken) });
      },
      () => undefined,
    );
  }, []);
  if (!home) return null;
  return (
    <>
      <Feed projectId={home.projectId} rights={home.rights} me={home.me} type={home.type} />
      {home.rights.board && <Board projectId={home.projectId} rights={home.rights} me={home.me} />}
    </>
  );
}

function Feed({ projectId, rights, me, type }: { projectId: string; rights: HomeRights; me: string; type: TwinspaceType | null }) {
  const homePath = `/projects/${encodeURIComponent(projectId)}/home`;
  const entries = usePagedList<FeedEntryResponse>(async (cursor) => {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const page = await apiGet<HomePage>(`${homePath}?${query}`);
    // Page 1 has the pinned posts on top; a pinned post is not shown twice.
    const pinned = new Set(page.pinned.map((entry) => entry.entryId));
    return { items: [...page.pinned, ...page.items.filter((entry) => !pinned.has(entry.entryId))], nextCursor: page.nextCursor };
  });
  const [listStatus, setListStatus] = useState<Status>();
  const listHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    entries.reload().catch((error: unknown) => failed(error, setListStatus));
  }, []);

  const context: EntryContext = {
    homePath,
    rights,
    me,
    locale,
    changed: async (status) => {
      await entries.reload();
      setListStatus(status);
      listHeading.current?.focus();
    },
  };

  return (
    <>
      {/* A closed project: its one notice is the page's (twinspace-about.tsx); the feed only loses its controls. */}
      {rights.writable && type === 'visitor' && <p class="muted">{t('home.visitorNote')}</p>}
      {rights.post && (
        <PostBox
          projectId={projectId}
          send={async (body, acknowledged) => {
            const answer = await apiPost<PostResponse | HeldAnswer>(`${homePath}/posts`, { body, ...acknowledgement(acknowledged) } satisfies WithRichBody<PostBodyInput>);
            if ('held' in answer) return answer;
            await entries.reload();
          }}
        />
      )}
      <section class="card" aria-labelledby="home-feed-heading">
        <h2 id="home-feed-heading" tabindex={-1} ref={listHeading}>
          {t('home.feed')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul class="plain home-feed">
          {entries.items.map((entry) => (
            <EntryItem key={`${entry.entryId}-${entry.kind === 'post' ? `${entry.pinned}` : ''}`} entry={entry} context={context} />
          ))}
        </ul>
        {entries.loaded && entries.items.length === 0 && <EmptyState>{t('home.none')}</EmptyState>}
        {entries.loaded && (
          <Pager done={entries.done} label={t('home.more')} busyLabel={t('common.busy')} onMore={() => entries.more().catch((error: unknown) => failed(error, setListStatus))} />
        )}
      </section>
    </>
  );
}

/**
 * The post box: a post is written in the rich-text editor (its pictures from
 * the public area's albums: visitors read the home too), its error and its
 * outcome under the button: posted, or (a pupil's) waiting for a teacher, or
 * (a teacher's) a warning first (guarded-post.tsx).
 */
function PostBox({ projectId, send }: { projectId: string; send: (body: RichDoc, acknowledged: boolean) => Promise<void | HeldAnswer> }) {
  const [text, setText] = useState<RichDoc>(emptyDoc);
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const guard = useGuardedPost();

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    // A post says something (a text, a picture or a video), no longer than the API takes. Here, not in home-page.ts: other tabs read that one.
    const found = docProblem(text, { maxChars: feedLimits.post, required: true });
    setProblem(found && (found.key === 'richEditor.empty' ? t('home.required') : problemWords(found)));
    if (found) return document.getElementById('home-post-text')?.focus();
    setSaving(true);
    try {
      const sent = await guard.send((acknowledged) => send(text, acknowledged), { body: text }, () => document.getElementById('home-post-text'));
      if ('cancelled' in sent) return;
      // Held: the text leaves the box all the same; it shows under the notice.
      setText(emptyDoc());
      if ('written' in sent) setStatus({ tone: 'success', text: t('home.posted') });
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="home-post-heading">
      <h2 id="home-post-heading">{t('home.write')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="home-post-text"
          label={t('home.yourPost')}
          hint={t('home.postHint')}
          error={problem}
          value={text}
          onChange={setText}
          pictures={{ projectId, area: 'public' }}
          load="on-focus"
          rows={3}
        />
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('home.post')}
        </BusyButton>
        <StatusMessage status={status} />
        {guard.feedback}
      </form>
    </section>
  );
}

/** A write box for a board note: one labelled plain text area, its error and its outcome under the button. */
function Composer(props: { id: string; heading: string; label: string; hint?: string; submit: string; done: string; maxLength: number; send: (body: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    if (!text.trim()) {
      setProblem(t('home.required'));
      field.current?.focus();
      return;
    }
    setProblem(undefined);
    setSaving(true);
    try {
      await props.send(text);
      setText('');
      setStatus({ tone: 'success', text: props.done });
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormField id={`${props.id}-text`} label={props.label} hint={props.hint} error={problem}>
          {(control) => <textarea {...control} ref={field} rows={3} maxLength={props.maxLength} value={text} onInput={(event) => setText(event.currentTarget.value)} />}
        </FormField>
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {props.submit}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}

/** The teachers' board: notes only the project's teachers read and write. */
function Board({ projectId, rights, me }: { projectId: string; rights: HomeRights; me: string }) {
  const boardPath = `/projects/${encodeURIComponent(projectId)}/board`;
  const notes = usePagedList<NoteResponse>((cursor) => {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<{ items: NoteResponse[]; nextCursor: string | null }>(`${boardPath}?${query}`);
  });
  const [status, setStatus] = useState<Status>();
  const [toDelete, setToDelete] = useState<NoteResponse>();

  useEffect(() => {
    notes.reload().catch((error: unknown) => failed(error, setStatus));
  }, []);

  const remove = async (note: NoteResponse) => {
    setToDelete(undefined);
    try {
      await apiDelete(`${boardPath}/${encodeURIComponent(note.noteId)}`);
      await notes.reload();
      setStatus({ tone: 'success', text: t('home.deleted') });
    } catch (error) {
      failed(error, setStatus);
    }
  };

  return (
    <section class="card" aria-labelledby="board-heading">
      <h2 id="board-heading">{t('home.board')}</h2>
      <p class="muted">{t('home.boardIntro')}</p>
      <StatusMessage status={status} />
      <ul class="plain home-feed">
        {notes.items.map((note) => (
          <li key={note.noteId} class="home-entry">
            <p class="home-meta">
              <strong>{personName(note.author.name)}</strong> <span class="muted">({typeName(note.author.type)})</span>{' '}
              <span class="muted">
                <RelativeDate value={note.createdAt} locale={locale} />
              </span>
            </p>
            <p class="home-body">{note.body}</p>
            {rights.writable && (rights.moderate || note.author.userId === me) && (
              <button type="button" class="danger" aria-label={`${t('home.delete')}: ${note.body.slice(0, 40)}`} onClick={() => setToDelete(note)}>
                {t('home.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {notes.loaded && notes.items.length === 0 && <EmptyState>{t('home.noNotes')}</EmptyState>}
      {notes.loaded && <Pager done={notes.done} label={t('home.more')} busyLabel={t('common.busy')} onMore={() => notes.more().catch((error: unknown) => failed(error, setStatus))} />}
      {rights.writable && (
        <Composer
          id="board-note"
          heading={t('home.addNote')}
          label={t('home.yourNote')}
          submit={t('home.addNote')}
          done={t('home.noteAdded')}
          maxLength={5000}
          send={async (body) => {
            await apiPost(boardPath, { body });
            await notes.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={!!toDelete}
        question={t('home.confirmDeleteNote')}
        confirmLabel={t('home.delete')}
        cancelLabel={t('home.cancel')}
        onConfirm={() => toDelete && void remove(toDelete)}
        onCancel={() => setToDelete(undefined)}
      />
    </section>
  );
}
