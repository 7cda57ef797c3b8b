/**
 * The TwinSpace pages page. The address chooses the view: the pages of one
 * area (?id=&area=) or one page (&page=). Which controls show follows the
 * policy table and the page rules (functions/domain/pages.ts); the server
 * decides in the end, and its refusal is shown as it words it.
 */
import { ApiError, apiDelete, apiGet, apiPost, apiPut } from './api.ts';
import { fill, pageUrl, requireSession, showError, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import { when } from './dates.ts';
import { areas, mayReadArea, type Area } from '../../../functions/domain/areas.ts';
import { createRefusal, editRefusal, publishRefusal, seesAllDrafts } from '../../../functions/domain/pages.ts';
import type { TwinspaceType } from '../../../functions/domain/twinspace-types.ts';
import { may } from '../../../functions/domain/policy.ts';
import type { PageCreateBodyInput, PageResponse, PagesPage, PageUpdateBodyInput } from '../../../functions/http/pages/schemas.ts';
import type { MessageKey } from '../i18n/index.ts';
import { currentProject } from './twinspace-project.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const params = new URLSearchParams(location.search);
const projectId = params.get('id');
const requestedArea = params.get('area');
const pageId = params.get('page');
const session = requireSession();
// A message to show after the page moves to another address (created, deleted).
const flashKey = 'pages.flash';

const projectPath = `/projects/${encodeURIComponent(projectId ?? '')}`;
const viewUrl = (query: Record<string, string>) => pageUrl('twinspace/pages', { id: projectId ?? '', ...query });

/** The signed-in user's id (the token's subject): only to choose which controls to show. */
function myUserId(idToken: string): string {
  try {
    const payload = idToken.split('.')[1] ?? '';
    return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub ?? '';
  } catch {
    return '';
  }
}

/** Moves to another view, with a success message to announce there. */
function goWith(url: string, message: string) {
  sessionStorage.setItem(flashKey, message);
  location.assign(url);
}

function busy(button: HTMLButtonElement): () => void {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('common.busy');
  return () => {
    button.disabled = false;
    button.textContent = label;
  };
}

function describe(page: PageResponse): string {
  const parts = [fill('pagesArea.by', { name: page.authorName })];
  parts.push(page.status === 'published' && page.publishedAt ? fill('pagesArea.publishedOn', { date: when(page.publishedAt) }) : fill('pagesArea.changedOn', { date: when(page.updatedAt) }));
  return parts.join(' · ');
}

function pageItem(page: PageResponse): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h3');
  const link = textElement('a', page.title);
  link.href = viewUrl({ area: page.area, page: page.pageId });
  heading.append(link);
  item.append(heading, textElement('p', describe(page), 'muted'));
  if (page.status === 'draft' && page.submittedForPublishing) item.append(textElement('span', t('pagesArea.submitted'), 'badge'));
  return item;
}

/** One paged list (published pages or drafts) of the area: "Show more" reads the next page. */
function showList(area: Area, status: 'published' | 'draft', prefix: 'published' | 'drafts'): Promise<void> {
  const list = element<HTMLUListElement>(`${prefix}-list`);
  const more = element<HTMLButtonElement>(`${prefix}-more`);
  let cursor: string | null = null;
  const load = async () => {
    const query = new URLSearchParams({ area, status, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const answer = await apiGet<PagesPage>(`${projectPath}/pages?${query}`);
    list.append(...answer.items.map(pageItem));
    cursor = answer.nextCursor;
    more.hidden = !cursor;
    element(`${prefix}-none`).hidden = list.childElementCount > 0;
  };
  more.addEventListener('click', () => {
    const done = busy(more);
    load().catch(reportFailure).finally(done);
  });
  return load();
}

function setUpNewPage(area: Area, type: TwinspaceType) {
  const writable = areas.filter((candidate) => mayReadArea(type, candidate) && createRefusal(type, candidate) === undefined);
  if (writable.length === 0) return;
  const form = element<HTMLFormElement>('new-page-form');
  const areaSelect = element<HTMLSelectElement>('new-area');
  for (const option of [...areaSelect.options]) if (!writable.includes(option.value as Area)) option.remove();
  areaSelect.value = writable.includes(area) ? area : writable[0]!;
  element('new-submit-field').hidden = type !== 'pupil-member';
  element('new-page').hidden = false;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    const title = element<HTMLInputElement>('new-title');
    if (!title.value.trim()) {
      const problem = element('new-title-error');
      problem.textContent = t('pagesArea.titleMissing');
      problem.hidden = false;
      title.setAttribute('aria-invalid', 'true');
      title.focus();
      return;
    }
    const done = busy(form.querySelector('button[type=submit]')!);
    try {
      const created = await apiPost<PageResponse>(`${projectPath}/pages`, {
        area: areaSelect.value as Area,
        title: title.value,
        body: element<HTMLTextAreaElement>('new-body').value,
        submittedForPublishing: type === 'pupil-member' && element<HTMLInputElement>('new-submit').checked,
      } satisfies PageCreateBodyInput);
      goWith(viewUrl({ area: created.area, page: created.pageId }), fill('pagesArea.created', { title: created.title }));
    } catch (error) {
      done();
      if (showFieldProblems(form, error)) {
        showError(t('pagesArea.checkFields'));
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      } else {
        reportFailure(error);
      }
    }
  });
}

async function showArea(area: Area, type: TwinspaceType, writable: boolean) {
  element('list-view').hidden = false;
  const showsDrafts = createRefusal(type, area) === undefined || seesAllDrafts(type, area);
  element('drafts').hidden = !showsDrafts;
  if (writable) setUpNewPage(area, type);
  await Promise.all([showList(area, 'published', 'published'), showsDrafts ? showList(area, 'draft', 'drafts') : undefined]);
}

/** One page, read; with the controls this member's type allows on it. */
async function showPage(id: string, type: TwinspaceType, writable: boolean, me: string) {
  let page = await apiGet<PageResponse>(`${projectPath}/pages/${encodeURIComponent(id)}`);
  const editButton = element<HTMLButtonElement>('edit-page');
  const publishButton = element<HTMLButtonElement>('publish-page');
  const submitButton = element<HTMLButtonElement>('submit-page');
  const deleteButton = element<HTMLButtonElement>('delete-page');
  const form = element<HTMLFormElement>('edit-form');
  const note = element('edit-note');
  const pageApi = () => `${projectPath}/pages/${encodeURIComponent(page.pageId)}`;

  const draw = () => {
    element('read-title').textContent = page.title;
    const meta = element('read-meta');
    meta.replaceChildren(textElement('span', t(`pagesArea.status.${page.status}`), 'badge'), ' ', describe(page));
    if (page.status === 'draft' && page.submittedForPublishing) meta.append(' ', textElement('span', t('pagesArea.submitted'), 'badge'));
    element('read-body').textContent = page.body;
    element('read-empty').hidden = page.body.length > 0;
    const mayEdit = writable && editRefusal(type, me, page) === undefined;
    editButton.hidden = !mayEdit || !form.hidden;
    deleteButton.hidden = !mayEdit;
    publishButton.hidden = !writable || page.status !== 'draft' || publishRefusal(type, page.area) !== undefined;
    submitButton.hidden = !writable || type !== 'pupil-member' || page.status !== 'draft' || page.authorId !== me || page.submittedForPublishing;
  };
  element<HTMLAnchorElement>('read-back').href = viewUrl({ area: page.area });
  document.title = `${page.title} · ${t('pagesArea.title')}`;
  draw();
  element('read-view').hidden = false;

  /** A step that changes the page (publish, submit): the new page is drawn and announced. */
  const step = async (button: HTMLButtonElement, send: () => Promise<PageResponse>, done: MessageKey) => {
    const restore = busy(button);
    try {
      page = await send();
      restore();
      draw();
      showStatus(fill(done, { title: page.title }));
      element('read-title').focus();
    } catch (error) {
      restore();
      reportFailure(error);
    }
  };
  publishButton.addEventListener('click', () => step(publishButton, () => apiPost<PageResponse>(`${pageApi()}/publish`), 'pagesArea.publishedDone'));
  submitButton.addEventListener('click', () =>
    step(submitButton, () => apiPut<PageResponse>(pageApi(), { version: page.version, submittedForPublishing: true } satisfies PageUpdateBodyInput), 'pagesArea.submittedDone'),
  );

  deleteButton.addEventListener('click', async () => {
    if (!confirm(fill('pagesArea.confirmDelete', { title: page.title }))) return;
    const restore = busy(deleteButton);
    try {
      await apiDelete(pageApi());
      goWith(viewUrl({ area: page.area }), fill('pagesArea.deleted', { title: page.title }));
    } catch (error) {
      restore();
      reportFailure(error);
    }
  });

  editButton.addEventListener('click', () => {
    element<HTMLInputElement>('edit-title').value = page.title;
    element<HTMLTextAreaElement>('edit-body').value = page.body;
    note.hidden = true;
    form.hidden = false;
    editButton.hidden = true;
    element('edit-heading').focus();
  });
  element('edit-cancel').addEventListener('click', () => {
    clearFieldProblems(form);
    form.hidden = true;
    draw();
    editButton.focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    note.hidden = true;
    const done = busy(form.querySelector('button[type=submit]')!);
    try {
      page = await apiPut<PageResponse>(pageApi(), {
        version: page.version,
        title: element<HTMLInputElement>('edit-title').value,
        body: element<HTMLTextAreaElement>('edit-body').value,
      } satisfies PageUpdateBodyInput);
      form.hidden = true;
      draw();
      showStatus(fill('pagesArea.saved', { title: page.title }));
      element('read-title').focus();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // Changed elsewhere: the typed text stays in the form; the newest version is shown above it.
        showError(error.message);
        try {
          page = await apiGet<PageResponse>(pageApi());
          draw();
          note.textContent = t('pagesArea.changedElsewhere');
          note.hidden = false;
        } catch (reread) {
          if (reread instanceof ApiError && reread.status === 404) {
            note.textContent = t('pagesArea.gone');
            note.hidden = false;
          } else {
            reportFailure(reread);
          }
        }
      } else if (showFieldProblems(form, error)) {
        showError(t('pagesArea.checkFields'));
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      } else {
        reportFailure(error);
      }
    } finally {
      done();
    }
  });
}

/** Where the list opens without an area in the address: the first area the member writes in (a pupil: the pupils' area), else the public one. */
function homeArea(type: TwinspaceType, readable: readonly Area[]): Area {
  return readable.find((candidate) => createRefusal(type, candidate) === undefined) ?? 'public';
}

/**
 * One sentence for those who write only in the pupils' area (pupils), read
 * from the policy table: a pupil member writes and submits their own pages,
 * a pupil administrator also publishes them. Teachers and visitors get none.
 */
function guidanceFor(type: TwinspaceType): MessageKey | undefined {
  if (may(type, 'edit-public-or-teachers-pages') !== 'deny' || may(type, 'edit-pupils-pages') === 'deny') return undefined;
  return may(type, 'publish-page') === 'deny' ? 'pagesArea.guide.submit' : 'pagesArea.guide.publish';
}

async function show(id: string, idToken: string) {
  const project = await currentProject();
  element('page-title').textContent = fill('pagesArea.titleOf', { project: project.title });
  document.title = `${project.title} · ${t('pagesArea.title')}`;
  element<HTMLAnchorElement>('back-link').href = pageUrl('twinspace', { id });
  const type = project.myType;
  if (!type) return showError(t('twinspace.notFound'));
  const closed = project.state === 'closed';
  if (project.state !== 'approved' && !closed) {
    element('not-open-notice').hidden = false;
    element('pages').hidden = false;
    return;
  }
  element('closed-notice').hidden = !closed;
  // Closed: read-only. The write controls (hidden until allowed) stay hidden.
  const writable = project.state === 'approved';

  const readable = areas.filter((candidate) => mayReadArea(type, candidate));
  const area = (readable as string[]).includes(requestedArea ?? '') ? (requestedArea as Area) : homeArea(type, readable);
  const guide = guidanceFor(type);
  if (guide && writable) {
    element('pages-guide').textContent = t(guide);
    element('pages-guide').hidden = false;
  }
  document.querySelectorAll<HTMLAnchorElement>('[data-area-link]').forEach((link) => {
    const linked = link.dataset.areaLink as Area;
    link.href = viewUrl({ area: linked });
    if (linked === area && !pageId) link.setAttribute('aria-current', 'page');
    link.closest<HTMLElement>('[data-area-item]')!.hidden = !readable.includes(linked);
  });
  element('pages').hidden = false;
  if (requestedArea && requestedArea !== area) showError(t('pagesArea.noArea'));

  if (pageId) await showPage(pageId, type, writable, myUserId(idToken));
  else await showArea(area, type, writable);
}

const loading = element('pages-loading');
if (session && !projectId) {
  loading.hidden = true;
  showError(t('twinspace.missingId'));
} else if (session && projectId) {
  const flash = sessionStorage.getItem(flashKey);
  sessionStorage.removeItem(flashKey);
  show(projectId, session.idToken)
    .then(() => {
      if (!flash) return;
      showStatus(flash);
      if (pageId) element('read-title').focus();
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) showError(t(pageId ? 'pagesArea.notFound' : 'twinspace.notFound'));
      else if (error instanceof ApiError && error.status === 403 && !pageId) showError(t('twinspace.notFound'));
      else reportFailure(error);
    })
    .finally(() => (loading.hidden = true));
}
