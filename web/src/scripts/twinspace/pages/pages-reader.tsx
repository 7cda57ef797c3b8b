/**
 * One TwinSpace page, read: its title, state (kit Badges), author and date,
 * and its text through the kit's one renderer (headings under the page's
 * title); with the controls this member's
 * type allows on it: edit (versioned: a crossed edit keeps what was typed
 * and shows the newest version), publish, submit for publishing, delete
 * (after a ConfirmDialog). Every outcome is said under the page's buttons
 * or the form's.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { PageResponse, PageUpdateBodyInput } from '../../../../../functions/http/pages/schemas.ts';
import { Badge, Breadcrumb, BusyButton, ConfirmDialog, StatusMessage, type Status } from '../../../components/kit/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { ApiError, apiDelete, apiGet, apiPost, apiPut } from '../../common/api.ts';
import { problemsByField } from '../../common/form-problems.ts';
import { fill, t } from '../../common/page.ts';
import { PageEditor, type EditValues } from './pages-editor.tsx';
import { areaKey, pageControls } from './pages-page.ts';
import { goWith, PageByline, SubmittedBadge, viewUrl } from './pages-view.tsx';
import { failed } from '../../common/problems.ts';
import { emptyDoc, itemDoc, itemMedia, type WithRichBody } from '../../common/rich-body.ts';
import { Body, problemWords } from '../../common/rich-text.tsx';
import { pageTextProblem } from './pages-page.ts';
import { acknowledged, useGuardedSend, type HeldAnswer } from '../guarded-send.tsx';

interface Props {
  projectId: string;
  pageId: string;
  type: TwinspaceType;
  /** The signed-in member's user id: only to choose which controls to show. */
  me: string;
  writable: boolean;
  locale: string;
  /** What happened before arriving here (the page was created). */
  flash?: Status;
}

export function PageReader({ projectId, pageId, type, me, writable, locale, flash }: Props) {
  const pagePath = `/projects/${encodeURIComponent(projectId)}/pages/${encodeURIComponent(pageId)}`;
  const [page, setPage] = useState<PageResponse>();
  const [loadFailure, setLoadFailure] = useState<Status>();
  const [status, setStatus] = useState<Status | undefined>(flash);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);

  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<EditValues>({ title: '', body: emptyDoc() });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [formStatus, setFormStatus] = useState<Status>();
  const [note, setNote] = useState<string>();
  const [saving, setSaving] = useState(false);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const guard = useGuardedSend();

  useEffect(() => {
    apiGet<PageResponse>(pagePath)
      .then((read) => {
        setPage(read);
        document.title = `${read.title} · ${t('pagesArea.title')}`;
        if (flash) requestAnimationFrame(() => title.current?.focus());
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setLoadFailure({ tone: 'error', text: t('pagesArea.notFound') });
        else failed(error, setLoadFailure);
      });
  }, []);

  if (!page) return <StatusMessage status={loadFailure} />;
  const controls = pageControls(type, me, page, writable);

  /** The page as a step left it (publish, submit, save), said under the buttons; focus on its title. */
  const changed = (now: PageResponse, done: MessageKey) => {
    setPage(now);
    setStatus({ tone: 'success', text: fill(done, { title: now.title }) });
    title.current?.focus();
  };

  /** A step that changes the page (publish, submit): its failure is said under the buttons. */
  const step = async (send: () => Promise<PageResponse>, done: MessageKey) => {
    setStatus(undefined);
    try {
      changed(await send(), done);
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const remove = async () => {
    setConfirming(false);
    setStatus(undefined);
    setDeleting(true);
    try {
      await apiDelete(pagePath);
      goWith(viewUrl(projectId, { area: page.area }), fill('pagesArea.deleted', { title: page.title }));
    } catch (error) {
      setDeleting(false);
      failed(error, setStatus);
    }
  };

  const startEditing = () => {
    setValues({ title: page.title, body: itemDoc(page) });
    setProblems({});
    setFormStatus(undefined);
    setNote(undefined);
    setStatus(undefined);
    setEditing(true);
    requestAnimationFrame(() => editHeading.current?.focus());
  };
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  /**
   * A 409: someone changed the page meanwhile. The newest version is shown
   * above the form, what was typed stays, and a second save replaces it.
   */
  const afterConflict = async (error: ApiError) => {
    setFormStatus({ tone: 'error', text: error.message });
    try {
      setPage(await apiGet<PageResponse>(pagePath));
      setNote(t('pagesArea.changedElsewhere'));
    } catch (reread) {
      if (reread instanceof ApiError && reread.status === 404) setNote(t('pagesArea.gone'));
      else failed(reread, setFormStatus);
    }
  };

  /** Saves the form; `confirmed`: a teacher warned of personal data saves it anyway. */
  const save = async (confirmed = false) => {
    setProblems({});
    setFormStatus(undefined);
    setNote(undefined);
    guard.reset();
    const bodyProblem = pageTextProblem(values.body);
    if (!values.title.trim() || bodyProblem) {
      setProblems({ ...(values.title.trim() ? {} : { title: t('pagesArea.titleMissing') }), ...(bodyProblem ? { body: problemWords(bodyProblem) } : {}) });
      setFormStatus({ tone: 'error', text: t('pagesArea.checkFields') });
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    try {
      const saved = await apiPut<PageResponse | HeldAnswer>(pagePath, {
        version: page.version,
        title: values.title,
        body: values.body,
        ...acknowledged(confirmed),
      } satisfies WithRichBody<PageUpdateBodyInput>);
      // Held for a teacher: the page is as it was; the editor stays open with what was typed, and the reason.
      if (guard.held(saved)) return;
      setEditing(false);
      changed(saved, 'pagesArea.saved');
    } catch (error) {
      const found = problemsByField(error);
      if (guard.warned(error, () => void save(true))) return;
      if (error instanceof ApiError && error.status === 409) await afterConflict(error);
      else if (error instanceof ApiError && error.status === 404) setNote(t('pagesArea.gone'));
      else if (found) {
        setProblems(found);
        setFormStatus({ tone: 'error', text: t('pagesArea.checkFields') });
        requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else failed(error, setFormStatus);
    } finally {
      setSaving(false);
    }
  };

  const listUrl = viewUrl(projectId, { area: page.area });
  return (
    <article id="read-view" class="card" aria-labelledby="read-title">
      <Breadcrumb label={t('pagesArea.whereYouAre')} crumbs={[{ label: t(areaKey(page.area)), href: listUrl }, { label: page.title }]} />
      <h2 id="read-title" tabindex={-1} ref={title}>
        {page.title}
      </h2>
      <p class="muted page-meta">
        <Badge variant={page.status === 'published' ? 'success' : 'neutral'}>{t(`pagesArea.status.${page.status}`)}</Badge> <SubmittedBadge page={page} />{' '}
        <PageByline page={page} locale={locale} />
      </p>
      <Body item={page} headingLevel={3} id="read-body" />
      {itemDoc(page).content.length === 0 && <p class="muted">{t('pagesArea.noText')}</p>}
      {(controls.edit || controls.publish || controls.submit) && (
        <div class="actions">
          {controls.edit && !editing && (
            <button type="button" class="secondary" ref={editButton} onClick={startEditing}>
              {t('pagesArea.edit')}
            </button>
          )}
          {controls.publish && (
            <BusyButton busyLabel={t('common.busy')} onClick={() => step(() => apiPost<PageResponse>(`${pagePath}/publish`), 'pagesArea.publishedDone')}>
              {t('pagesArea.publish')}
            </BusyButton>
          )}
          {controls.submit && (
            <BusyButton
              busyLabel={t('common.busy')}
              onClick={() => step(() => apiPut<PageResponse>(pagePath, { version: page.version, submittedForPublishing: true } satisfies PageUpdateBodyInput), 'pagesArea.submittedDone')}
            >
              {t('pagesArea.submit')}
            </BusyButton>
          )}
          {controls.edit && (
            <BusyButton class="danger" busy={deleting} busyLabel={t('common.busy')} onClick={() => setConfirming(true)}>
              {t('pagesArea.delete')}
            </BusyButton>
          )}
        </div>
      )}
      <StatusMessage status={status} />

      {editing && (
        <PageEditor
          values={values}
          onInput={setValues}
          problems={problems}
          note={note}
          status={formStatus}
          saving={saving}
          onSave={() => void save()}
          onCancel={stopEditing}
          headingRef={editHeading}
          formRef={form}
          guarded={guard.view}
          media={itemMedia(page)}
          pictures={{ projectId, area: page.area }}
        />
      )}
      <p>
        <a href={listUrl}>{t('pagesArea.backToList')}</a>
      </p>

      {controls.edit && (
        <ConfirmDialog
          open={confirming}
          question={fill('pagesArea.confirmDelete', { title: page.title })}
          confirmLabel={t('pagesArea.delete')}
          cancelLabel={t('pagesArea.cancel')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </article>
  );
}
