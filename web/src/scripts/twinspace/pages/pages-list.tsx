/**
 * An area of the TwinSpace's pages: its published pages and the drafts the
 * member sees, each list read page by page ("Show more"), and the "New page"
 * form for those who write in some area. Built from the kit.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Area } from '../../../../../functions/domain/areas.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { PageResponse, PagesPage } from '../../../../../functions/http/pages/schemas.ts';
import { BusyButton, EmptyState, FormField, Pager, StatusMessage, usePagedList, type Status } from '../../../components/kit/index.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { apiGet, apiPost } from '../../common/api.ts';
import { problemsByField } from '../../common/form-problems.ts';
import { fill, t } from '../../common/page.ts';
import { emptyDoc } from '../../common/rich-body.ts';
import { problemWords, TextField } from '../../common/rich-text.tsx';
import { areaKey, newPageBody, showsDrafts, writableAreas, type NewPageValues } from './pages-page.ts';
import { goWith, PageByline, SubmittedBadge, viewUrl } from './pages-view.tsx';
import { failed } from '../../common/problems.ts';
import { acknowledged, useGuardedSend, type HeldAnswer } from '../guarded-send.tsx';

interface AreaProps {
  projectId: string;
  area: Area;
  type: TwinspaceType;
  /** The project is open: those who write get the form. */
  writable: boolean;
  locale: string;
}

export function AreaLists({ projectId, area, type, writable, locale }: AreaProps) {
  return (
    <>
      <PageList projectId={projectId} area={area} status="published" locale={locale} />
      {showsDrafts(type, area) && <PageList projectId={projectId} area={area} status="draft" locale={locale} />}
      {writable && writableAreas(type).length > 0 && <NewPage projectId={projectId} area={area} type={type} />}
    </>
  );
}

const lists = {
  published: { prefix: 'published', heading: 'pagesArea.published', none: 'pagesArea.noPublished' },
  draft: { prefix: 'drafts', heading: 'pagesArea.drafts', none: 'pagesArea.noDrafts' },
} as const satisfies Record<string, { prefix: string; heading: MessageKey; none: MessageKey }>;

/** One paged list of the area: its published pages, or its drafts. */
function PageList({ projectId, area, status, locale }: { projectId: string; area: Area; status: 'published' | 'draft'; locale: string }) {
  const { prefix, heading, none } = lists[status];
  const pages = usePagedList<PageResponse>((cursor) => {
    const query = new URLSearchParams({ area, status, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<PagesPage>(`/projects/${encodeURIComponent(projectId)}/pages?${query}`);
  });
  const [listStatus, setListStatus] = useState<Status>();
  useEffect(() => {
    pages.reload().catch((error: unknown) => failed(error, setListStatus));
  }, []);

  return (
    <section class="card" aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`} tabindex={-1}>
        {t(heading)}
      </h2>
      <StatusMessage status={listStatus} />
      <ul id={`${prefix}-list`} class="plain decision-list">
        {pages.items.map((page) => (
          <li key={page.pageId}>
            <h3>
              <a href={viewUrl(projectId, { area: page.area, page: page.pageId })}>{page.title}</a>
            </h3>
            <p class="muted">
              <PageByline page={page} locale={locale} />
            </p>
            <SubmittedBadge page={page} />
          </li>
        ))}
      </ul>
      {pages.loaded && pages.items.length === 0 && <EmptyState>{t(none)}</EmptyState>}
      {pages.loaded && (
        <Pager done={pages.done} label={t('pagesArea.more')} busyLabel={t('common.busy')} onMore={() => pages.more().catch((error: unknown) => failed(error, setListStatus))} />
      )}
    </section>
  );
}

/** "New page": in an area the member writes in (the one shown when they may), saved as a draft; a pupil member may submit it at once. */
function NewPage({ projectId, area, type }: { projectId: string; area: Area; type: TwinspaceType }) {
  const writable = writableAreas(type);
  const [values, setValues] = useState<NewPageValues>({ area: writable.includes(area) ? area : writable[0]!, title: '', body: emptyDoc(), submit: false });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** Marks the fields and focuses the first, once Preact has marked it. */
  const showProblems = (found: Record<string, string>) => {
    setProblems(found);
    setStatus({ tone: 'error', text: t('pagesArea.checkFields') });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const guard = useGuardedSend();

  /** Sends the form; `confirmed`: a teacher warned of personal data sends it anyway. */
  const submit = async (confirmed = false) => {
    setProblems({});
    setStatus(undefined);
    guard.reset();
    const checked = newPageBody(values, type);
    if ('problems' in checked) {
      const { title, body } = checked.problems;
      return showProblems({ ...(title ? { title: t(title) } : {}), ...(body ? { body: problemWords(body) } : {}) });
    }
    setSaving(true);
    try {
      const answer = await apiPost<PageResponse | HeldAnswer>(`/projects/${encodeURIComponent(projectId)}/pages`, { ...checked.body, ...acknowledged(confirmed) });
      // Held for a teacher: nothing was created; the form keeps what was typed, with the reason.
      if (guard.held(answer)) return setSaving(false);
      goWith(viewUrl(projectId, { area: answer.area, page: answer.pageId }), fill('pagesArea.created', { title: answer.title }));
    } catch (error) {
      setSaving(false);
      if (guard.warned(error, () => void submit(true))) return;
      const found = problemsByField(error);
      if (found) showProblems(found);
      else failed(error, setStatus);
    }
  };

  return (
    <section class="card" id="new-page" aria-labelledby="new-heading">
      <h2 id="new-heading">{t('pagesArea.new')}</h2>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <FormField id="new-area" label={t('pagesArea.area')} error={problems.area}>
          {(control) => (
            <select {...control} value={values.area} onChange={(event) => setValues({ ...values, area: event.currentTarget.value as Area })}>
              {writable.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(areaKey(candidate))}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="new-title" label={t('pagesArea.pageTitle')} error={problems.title}>
          {(control) => (
            <input {...control} type="text" maxLength={200} required value={values.title} onInput={(event) => setValues({ ...values, title: event.currentTarget.value })} />
          )}
        </FormField>
        {/* Always on the list: the editor's code is fetched once the text is used. */}
        <TextField
          id="new-body"
          label={t('pagesArea.text')}
          hint={t('pagesArea.textHint')}
          error={problems.body}
          value={values.body}
          onChange={(body) => setValues((before) => ({ ...before, body }))}
          pictures={{ projectId, area: values.area }}
          load="on-focus"
          rows={6}
        />
        {type === 'pupil-member' && (
          <div class="choice">
            <input id="new-submit" type="checkbox" checked={values.submit} onChange={(event) => setValues({ ...values, submit: event.currentTarget.checked })} />
            <label for="new-submit">{t('pagesArea.submitOnCreate')}</label>
          </div>
        )}
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('pagesArea.create')}
        </BusyButton>
        <StatusMessage status={status} />
        {guard.view}
      </form>
    </section>
  );
}
