/**
 * The TwinSpace forum page. The address chooses what is shown (forums with
 * their discussions; &discussion= its threads; &thread= the replies), and
 * moving between levels pushes the address, so the back button goes back a
 * level. Which write controls show comes from the policy rules
 * (functions/domain/forum.ts, policy.ts) for the member's type; the server
 * still decides, and its refusal is shown when it says no.
 */
import { ApiError, apiDelete, apiGet, apiPost } from './api.ts';
import { busy, element, fieldValue, flagField, focusFirstProblem, when } from './desk.ts';
import { typeName } from './labels.ts';
import { clearError, fill, language, pageUrl, requireSession, showError, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import { forumAreas, mayReadForum, mayWriteInForum, type ForumArea, type ForumWriteAction } from '../../../functions/domain/forum.ts';
import { mayAtAll } from '../../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../../functions/domain/twinspace-types.ts';
import type {
  DiscussionCreateBodyInput,
  DiscussionResponse,
  DiscussionsPage,
  RepliesPage,
  ReplyCreateBodyInput,
  ReplyResponse,
  ThreadCreateBodyInput,
  ThreadResponse,
  ThreadsPage,
} from '../../../functions/http/forum/schemas.ts';
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { plural } from '../i18n/plural.ts';
import { currentProject } from './twinspace-project.ts';

interface Pager {
  list: HTMLElement;
  none: HTMLElement;
  more: HTMLButtonElement;
}

const session = requireSession();
const projectId = new URLSearchParams(location.search).get('id') ?? '';
const apiPath = `/projects/${encodeURIComponent(projectId)}/forum`;
const views = ['forums-view', 'discussion-view', 'thread-view'] as const;

let project: ProjectDetailResponse;
let myType: TwinspaceType;
/** Everything listed so far, so moving into a discussion or thread needs no search. */
const discussions = new Map<string, DiscussionResponse>();
const threads = new Map<string, ThreadResponse>();
/** Each render gets a number; an answer arriving for an older one is dropped. */
let renderCount = 0;

const writable = () => project.state === 'approved';
const mayWrite = (action: ForumWriteAction, area: ForumArea) => writable() && mayWriteInForum(myType, action, area).outcome === 'allowed';
const mayModerate = () => writable() && mayAtAll(myType, 'moderate');
const readableForums = () => forumAreas.filter((area) => mayReadForum(myType, area).outcome === 'allowed');

const count = (prefix: 'forum.threadCount' | 'forum.replyCount', value: number) =>
  plural(value, { one: t(`${prefix}.one`), other: t(`${prefix}.other`) }, language);

function forumUrl(query: { discussion?: string; thread?: string } = {}): string {
  return pageUrl('twinspace/forum', { id: projectId, ...query });
}

function navLink(text: string, href: string, className?: string): HTMLAnchorElement {
  const link = textElement('a', text, className);
  link.href = href;
  link.dataset.nav = '';
  return link;
}

/** "by Ana García [Teacher administrator] 28 Nov 2026, 15:00 · 2 replies": names as the API gives them (pupils by first name). */
function bylineParts(post: DiscussionResponse | ThreadResponse | ReplyResponse, extra?: string): HTMLElement[] {
  return [
    textElement('span', fill('forum.by', { name: post.authorName })),
    textElement('span', typeName(post.authorType), 'badge'),
    textElement('span', extra ? `${when(post.createdAt)} · ${extra}` : when(post.createdAt), 'muted'),
  ];
}

function byline(post: DiscussionResponse | ThreadResponse | ReplyResponse, extra?: string): HTMLParagraphElement {
  const line = document.createElement('p');
  line.className = 'forum-meta';
  line.append(...bylineParts(post, extra));
  return line;
}

/** Fills a paged list: the first page replaces it, "Show more" appends the next. */
async function showPaged<Paged extends DiscussionsPage | ThreadsPage | RepliesPage>(
  pager: Pager,
  load: (cursor?: string) => Promise<Paged>,
  itemOf: (entry: Paged['items'][number]) => HTMLLIElement,
  cursor?: string,
): Promise<void> {
  const page = await load(cursor);
  if (!cursor) pager.list.replaceChildren();
  pager.list.append(...page.items.map(itemOf));
  pager.none.hidden = pager.list.childElementCount > 0;
  pager.more.hidden = !page.nextCursor;
  pager.more.onclick = () => {
    const done = busy(pager.more, 'common.busy');
    showPaged(pager, load, itemOf, page.nextCursor ?? undefined)
      .catch(reportFailure)
      .finally(done);
  };
}

const pagerOf = (listId: string): Pager => ({ list: element(listId), none: element(`${listId}-none`), more: element<HTMLButtonElement>(`${listId}-more`) });

function pageQuery(cursor: string | undefined, limit: number, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...extra, limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return query.toString();
}

const loadDiscussions = (area: ForumArea, limit = 20) => async (cursor?: string) => {
  const page = await apiGet<DiscussionsPage>(`${apiPath}/discussions?${pageQuery(cursor, limit, { area })}`);
  page.items.forEach((discussion) => discussions.set(discussion.discussionId, discussion));
  return page;
};
const loadThreads = (discussionId: string, limit = 20) => async (cursor?: string) => {
  const page = await apiGet<ThreadsPage>(`${apiPath}/discussions/${encodeURIComponent(discussionId)}/threads?${pageQuery(cursor, limit)}`);
  page.items.forEach((thread) => threads.set(thread.threadId, thread));
  return page;
};
const loadReplies = (threadId: string) => (cursor?: string) =>
  apiGet<RepliesPage>(`${apiPath}/threads/${encodeURIComponent(threadId)}/replies?${pageQuery(cursor, 20)}`);

/** There is no GET of one discussion or thread: a link opened afresh finds it in its list (every reader's lists are short). */
async function find<T>(known: Map<string, T>, id: string, loaders: ((cursor?: string) => Promise<{ nextCursor: string | null }>)[]): Promise<T | undefined> {
  for (const load of loaders) {
    let cursor: string | null | undefined;
    while (!known.has(id) && cursor !== null) cursor = (await load(cursor ?? undefined)).nextCursor;
  }
  return known.get(id);
}

function showTrail(steps: [string, string | undefined][]) {
  const list = element('trail-list');
  list.replaceChildren(
    ...steps.map(([text, href]) => {
      const item = document.createElement('li');
      if (href) item.append(href.startsWith(pageUrl('twinspace/forum')) ? navLink(text, href) : Object.assign(textElement('a', text), { href }));
      else {
        const here = textElement('span', text);
        here.setAttribute('aria-current', 'page');
        item.append(here);
      }
      return item;
    }),
  );
  element('forum-trail').hidden = false;
}

function showView(id: (typeof views)[number]) {
  for (const view of views) element(view).hidden = view !== id;
}

function discussionItem(discussion: DiscussionResponse): HTMLLIElement {
  const item = document.createElement('li');
  item.append(navLink(discussion.title, forumUrl({ discussion: discussion.discussionId }), 'forum-title'));
  item.append(byline(discussion, count('forum.threadCount', discussion.threadCount)));
  return item;
}

function deleteButton(label: string): HTMLButtonElement {
  const button = textElement('button', t('forum.delete'), 'danger');
  button.type = 'button';
  button.setAttribute('aria-label', label);
  return button;
}

async function deleteThread(thread: ThreadResponse): Promise<boolean> {
  if (!confirm(fill('forum.confirmDeleteThread', { title: thread.title }))) return false;
  await apiDelete(`${apiPath}/threads/${encodeURIComponent(thread.threadId)}`);
  threads.delete(thread.threadId);
  return true;
}

function threadItem(thread: ThreadResponse): HTMLLIElement {
  const item = document.createElement('li');
  item.append(navLink(thread.title, forumUrl({ discussion: thread.discussionId, thread: thread.threadId }), 'forum-title'));
  item.append(byline(thread, count('forum.replyCount', thread.replyCount)));
  if (mayModerate()) {
    const button = deleteButton(fill('forum.deleteThread', { title: thread.title }));
    button.addEventListener('click', () => {
      clearError();
      deleteThread(thread)
        .then((deleted) => {
          if (!deleted) return;
          item.remove();
          element('threads-none').hidden = element('threads').childElementCount > 0;
          showStatus(fill('forum.threadDeleted', { title: thread.title }));
          element('threads-heading').focus();
        })
        .catch(reportFailure);
    });
    item.append(button);
  }
  return item;
}

function replyItem(reply: ReplyResponse): HTMLLIElement {
  const item = document.createElement('li');
  item.append(byline(reply), textElement('p', reply.body, 'forum-text'));
  if (mayModerate()) {
    const button = deleteButton(fill('forum.deleteReply', { name: reply.authorName }));
    button.addEventListener('click', () => {
      clearError();
      if (!confirm(fill('forum.confirmDeleteReply', { name: reply.authorName }))) return;
      apiDelete(`${apiPath}/threads/${encodeURIComponent(reply.threadId)}/replies/${encodeURIComponent(reply.replyId)}`)
        .then(() => {
          item.remove();
          element('replies-none').hidden = element('replies').childElementCount > 0;
          showStatus(t('forum.replyDeleted'));
          element('replies-heading').focus();
        })
        .catch(reportFailure);
    });
    item.append(button);
  }
  return item;
}

function showPost(prefix: 'discussion' | 'thread', post: DiscussionResponse | ThreadResponse, extra: string, titleId: string, bodyId: string) {
  element(titleId).textContent = post.title;
  element(`${prefix}-meta`).replaceChildren(...bylineParts(post, extra));
  element(bodyId).textContent = post.body;
}

const trailStart = (): [string, string | undefined][] => [
  [project.title, pageUrl('twinspace', { id: projectId })],
  [t('forum.title'), forumUrl()],
];

async function showForums(current: () => boolean) {
  const readable = readableForums();
  showTrail([[project.title, pageUrl('twinspace', { id: projectId })], [t('forum.title'), undefined]]);
  await Promise.all(
    forumAreas.map(async (area) => {
      const section = element(`forum-${area}`);
      section.hidden = !readable.includes(area);
      if (section.hidden) return;
      section.querySelector<HTMLElement>('[data-opener]')!.hidden = !mayWrite('forum-open-discussion', area);
      await showPaged(pagerOf(`discussions-${area}`), loadDiscussions(area), discussionItem);
    }),
  );
  if (current()) showView('forums-view');
}

async function showDiscussion(discussionId: string, current: () => boolean) {
  const discussion = await find(discussions, discussionId, readableForums().map((area) => loadDiscussions(area, 100)));
  if (!current()) return;
  if (!discussion) throw new ApiError(404, 'NOT_FOUND', 'no such discussion');
  showTrail([...trailStart(), [discussion.title, undefined]]);
  showPost('discussion', discussion, t(`forum.area.${discussion.area}`), 'discussion-title', 'discussion-body');
  element('thread-opener').hidden = !mayWrite('forum-open-thread', discussion.area);
  element<HTMLFormElement>('thread-form').dataset.discussion = discussionId;
  await showPaged(pagerOf('threads'), loadThreads(discussionId), threadItem);
  if (current()) showView('discussion-view');
}

async function showThread(discussionId: string, threadId: string, current: () => boolean) {
  // A link opened afresh also needs the discussion's title, for the way back up.
  const [thread, discussion] = await Promise.all([
    find(threads, threadId, [loadThreads(discussionId, 100)]),
    find(discussions, discussionId, readableForums().map((area) => loadDiscussions(area, 100))),
  ]);
  if (!current()) return;
  if (!thread) throw new ApiError(404, 'NOT_FOUND', 'no such thread');
  showTrail([...trailStart(), ...(discussion ? [[discussion.title, forumUrl({ discussion: discussionId })] as [string, string]] : []), [thread.title, undefined]]);
  showPost('thread', thread, t(`forum.area.${thread.area}`), 'thread-title-heading', 'thread-body-text');
  element('delete-thread').hidden = !mayModerate();
  element('delete-thread').setAttribute('aria-label', fill('forum.deleteThread', { title: thread.title }));
  const form = element<HTMLFormElement>('reply-form');
  form.hidden = !mayWrite('forum-reply', thread.area);
  form.dataset.thread = threadId;
  await showPaged(pagerOf('replies'), loadReplies(threadId), replyItem);
  if (current()) showView('thread-view');
}

/** Shows the level the address asks for; `focus` moves the reader to it after a move inside the page. */
async function render(focus: boolean) {
  const mine = ++renderCount;
  const current = () => mine === renderCount;
  clearError();
  const query = new URLSearchParams(location.search);
  const discussionId = query.get('discussion');
  const threadId = query.get('thread');
  try {
    if (discussionId && threadId) await showThread(discussionId, threadId, current);
    else if (discussionId) await showDiscussion(discussionId, current);
    else await showForums(current);
  } catch (error) {
    if (!current()) return;
    for (const view of views) element(view).hidden = true;
    if (error instanceof ApiError && error.status === 404) showError(t('forum.notFound'));
    else reportFailure(error);
    return;
  }
  if (focus && current()) document.querySelector<HTMLElement>('[data-view]:not([hidden]) h2:not([hidden] *)')?.focus();
}

function go(url: string, replace = false) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  return render(true);
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-nav]');
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  void go(link.href);
});
window.addEventListener('popstate', () => void render(true));

/** Empty required fields are flagged before anything is sent. */
function checkFilled(form: HTMLFormElement, names: string[]): boolean {
  clearFieldProblems(form);
  const empty = names.filter((name) => !fieldValue(form, name));
  empty.forEach((name) => flagField(form, name, 'forum.required'));
  if (empty.length) {
    showError(t('forum.checkFields'));
    focusFirstProblem(form);
  }
  return empty.length === 0;
}

/** Sends a form; field problems go next to their fields, any other refusal (the server's sentence) to the alert region. */
async function send(form: HTMLFormElement, names: string[], post: () => Promise<void>) {
  showStatus('');
  if (!checkFilled(form, names)) return;
  const done = busy(form.querySelector<HTMLButtonElement>('button[type="submit"]')!, 'common.busy');
  try {
    await post();
  } catch (error) {
    if (showFieldProblems(form, error)) {
      showError(t('forum.checkFields'));
      focusFirstProblem(form);
    } else reportFailure(error);
  } finally {
    done();
  }
}

/** "Open a discussion" / "Open a thread": the button shows its form; Cancel hides it again. */
function setUpOpener(opener: HTMLElement) {
  const toggle = opener.querySelector<HTMLButtonElement>('[data-toggle]')!;
  const form = opener.querySelector<HTMLFormElement>('form')!;
  const show = (shown: boolean) => {
    form.hidden = !shown;
    toggle.setAttribute('aria-expanded', String(shown));
    if (shown) form.querySelector<HTMLElement>('input, textarea')?.focus();
    else {
      clearFieldProblems(form);
      form.reset();
    }
  };
  toggle.addEventListener('click', () => show(form.hidden));
  form.querySelector('[data-cancel]')!.addEventListener('click', () => {
    show(false);
    toggle.focus();
  });
  return () => {
    show(false);
    toggle.focus();
  };
}

function setUpForms() {
  document.querySelectorAll<HTMLElement>('#forums-view [data-opener]').forEach((opener) => {
    const close = setUpOpener(opener);
    const form = opener.querySelector<HTMLFormElement>('form')!;
    const area = form.dataset.area as ForumArea;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(form, ['title', 'body'], async () => {
        const discussion = await apiPost<DiscussionResponse>(`${apiPath}/discussions`, {
          area,
          title: fieldValue(form, 'title'),
          body: fieldValue(form, 'body'),
        } satisfies DiscussionCreateBodyInput);
        discussions.set(discussion.discussionId, discussion);
        const pager = pagerOf(`discussions-${area}`);
        pager.list.prepend(discussionItem(discussion));
        pager.none.hidden = true;
        close();
        showStatus(fill('forum.discussionOpened', { title: discussion.title }));
      });
    });
  });

  const threadForm = element<HTMLFormElement>('thread-form');
  const closeThreadForm = setUpOpener(element('thread-opener'));
  threadForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(threadForm, ['title', 'body'], async () => {
      const path = `${apiPath}/discussions/${encodeURIComponent(threadForm.dataset.discussion ?? '')}/threads`;
      const thread = await apiPost<ThreadResponse>(path, {
        title: fieldValue(threadForm, 'title'),
        body: fieldValue(threadForm, 'body'),
      } satisfies ThreadCreateBodyInput);
      threads.set(thread.threadId, thread);
      element('threads').prepend(threadItem(thread));
      element('threads-none').hidden = true;
      closeThreadForm();
      showStatus(fill('forum.threadOpened', { title: thread.title }));
    });
  });

  const replyForm = element<HTMLFormElement>('reply-form');
  replyForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(replyForm, ['body'], async () => {
      const path = `${apiPath}/threads/${encodeURIComponent(replyForm.dataset.thread ?? '')}/replies`;
      const reply = await apiPost<ReplyResponse>(path, { body: fieldValue(replyForm, 'body') } satisfies ReplyCreateBodyInput);
      replyForm.reset();
      // Oldest first: the new reply is last, so it shows at once only when the last page is already here.
      if (element('replies-more').hidden) element('replies').append(replyItem(reply));
      element('replies-none').hidden = element('replies').childElementCount > 0;
      showStatus(t('forum.replied'));
    });
  });

  element('delete-thread').addEventListener('click', () => {
    const query = new URLSearchParams(location.search);
    const thread = threads.get(query.get('thread') ?? '');
    if (!thread) return;
    clearError();
    deleteThread(thread)
      .then(async (deleted) => {
        if (!deleted) return;
        await go(forumUrl({ discussion: thread.discussionId }), true);
        showStatus(fill('forum.threadDeleted', { title: thread.title }));
      })
      .catch(reportFailure);
  });
}

async function start() {
  project = await currentProject();
  document.title = `${t('forum.title')} · ${project.title} · ${t('twinspace.title')}`;
  if (project.state !== 'approved' && project.state !== 'closed') {
    element('forum-not-open').hidden = false;
    return;
  }
  // NSS and evaluators read a project without a type in it: not a forum reader.
  if (!project.myType) throw new ApiError(403, 'FORBIDDEN', t('twinspace.notFound'));
  myType = project.myType;
  if (readableForums().length === 0) {
    element<HTMLAnchorElement>('public-page-link').href = pageUrl('public', { id: projectId });
    element('forum-visitor').hidden = false;
    return;
  }
  element('forum-closed').hidden = writable();
  setUpForms();
  await render(false);
}

const loading = element('forum-loading');
if (session && !projectId) {
  loading.hidden = true;
  showError(t('twinspace.missingId'));
} else if (session) {
  start()
    .catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) showError(t('twinspace.notFound'));
      else reportFailure(error);
    })
    .finally(() => (loading.hidden = true));
}
