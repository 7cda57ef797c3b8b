/**
 * The TwinSpace forum (?id=<projectId>), a Preact island built from the kit.
 * The address chooses the level (forums with their discussions;
 * &discussion= its threads; &discussion=&thread= the replies) and moving
 * between levels pushes the address, so the back button goes up a level; the
 * breadcrumb shows the way up. Which write controls show comes from the
 * policy rules for the member's type (forum-page.ts); the server still
 * decides, and its refusal is said next to what was refused. A closed project
 * is read-only; a visitor is told who the forum is for.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DiscussionResponse, ThreadResponse } from '../../../../../functions/http/forum/schemas.ts';
import type { ProjectDetailResponse } from '../../../../../functions/http/projects/schemas.ts';
import { Breadcrumb, StatusMessage, type Crumb, type Status } from '../../../components/kit/index.ts';
import { ApiError } from '../../common/api.ts';
import { DiscussionLevel } from './forum-discussion.tsx';
import { ForumsLevel } from './forum-forums.tsx';
import { findListed, forumRights, levelOf, type ForumRights } from './forum-page.ts';
import { forumApi, forumUrl, type ForumApi } from './forum-shared.tsx';
import { ThreadLevel } from './forum-thread.tsx';
import { pageUrl, requireSession, t } from '../../common/page.ts';
import { explanation, reportFailure } from '../../common/problems.ts';
import { currentProject, projectIdOfPage, twinspaceName } from '../twinspace-project.ts';

type Opened =
  | { project: ProjectDetailResponse; projectId: string; rights: ForumRights }
  | { notice: 'visitor'; projectId: string }
  | { notice: 'notOpen' }
  | { failure: string };

export default function ForumPage() {
  const [opened, setOpened] = useState<Opened>();

  useEffect(() => {
    if (!requireSession()) return;
    const projectId = projectIdOfPage();
    if (!projectId) return setOpened({ failure: t('twinspace.missingId') });
    currentProject().then(
      (project) => {
        document.title = `${t('forum.title')} · ${twinspaceName(project)} · ${t('twinspace.title')}`;
        if (project.state !== 'approved' && project.state !== 'closed') return setOpened({ notice: 'notOpen' });
        // NSS and evaluators read a project without a type in it: not a forum reader.
        if (!project.myType) return setOpened({ failure: t('twinspace.notFound') });
        const rights = forumRights(project.myType, project.state);
        if (rights.readable.length === 0) return setOpened({ notice: 'visitor', projectId });
        setOpened({ project, projectId, rights });
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) return reportFailure(error);
        setOpened({ failure: error instanceof ApiError && (error.status === 404 || error.status === 403) ? t('twinspace.notFound') : explanation(error) });
      },
    );
  }, []);

  if (!opened) return <p class="muted">{t('common.loading')}</p>;
  if ('failure' in opened) return <StatusMessage status={{ tone: 'error', text: opened.failure }} />;
  if ('notice' in opened && opened.notice === 'notOpen') return <p class="notice">{t('twinspace.notOpen')}</p>;
  if ('notice' in opened)
    return (
      <p class="notice">
        {t('forum.forVisitors')} <a href={pageUrl('public', { id: opened.projectId })}>{t('areas.public')}</a>
      </p>
    );
  return <Forum {...opened} />;
}

/** The level being shown, with what it needs from above. */
type Level =
  | { level: 'forums' }
  | { level: 'discussion'; discussion: DiscussionResponse }
  | { level: 'thread'; thread: ThreadResponse; discussion?: DiscussionResponse }
  | { level: 'missing' };
type View = Level & { key: number; focus: boolean; flash?: Status };

/** Where the reader asked to be: the address, whether to focus the level, what the move did. */
interface Wanted {
  search: string;
  focus: boolean;
  flash?: Status;
}

function Forum({ project, projectId, rights }: { project: ProjectDetailResponse; projectId: string; rights: ForumRights }) {
  const api = useMemo<ForumApi>(() => forumApi(projectId), [projectId]);
  const [wanted, setWanted] = useState<Wanted>({ search: location.search, focus: false });
  const [view, setView] = useState<View>();
  const [failure, setFailure] = useState<Status>();
  const container = useRef<HTMLDivElement>(null);
  const asked = useRef(0);

  const go = (url: string, how: { replace?: boolean; flash?: Status } = {}) => {
    if (how.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    setWanted({ search: location.search, focus: true, flash: how.flash });
  };

  // Links to another level of this page move inside it (the address is pushed); popstate follows the back button.
  useEffect(() => {
    const click = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link || !container.current?.contains(link) || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const url = new URL(link.href);
      if (url.origin !== location.origin || url.pathname !== location.pathname) return;
      event.preventDefault();
      go(url.pathname + url.search);
    };
    const back = () => setWanted({ search: location.search, focus: true });
    document.addEventListener('click', click);
    addEventListener('popstate', back);
    return () => {
      document.removeEventListener('click', click);
      removeEventListener('popstate', back);
    };
  }, []);

  // Resolves the level asked for; an answer for an older request is dropped.
  useEffect(() => {
    const mine = ++asked.current;
    const show = (level: Level) => {
      if (mine !== asked.current) return;
      setFailure(level.level === 'missing' ? { tone: 'error', text: t('forum.notFound') } : undefined);
      setView({ ...level, key: mine, focus: wanted.focus, flash: wanted.flash });
    };
    const asks = levelOf(wanted.search);
    const discussionOf = (id: string) =>
      api.discussions.get(id) ??
      findListed(
        rights.readable.map((area) => api.listDiscussions(area, 100)),
        (discussion) => discussion.discussionId === id,
      );
    const resolve = async () => {
      if (asks.level === 'forums') return show({ level: 'forums' });
      if (asks.level === 'discussion') {
        const discussion = await discussionOf(asks.discussionId);
        return show(discussion ? { level: 'discussion', discussion } : { level: 'missing' });
      }
      // A link opened afresh also needs the discussion's title, for the way back up.
      const [thread, discussion] = await Promise.all([
        api.threads.get(asks.threadId) ?? findListed([api.listThreads(asks.discussionId, 100)], (thread) => thread.threadId === asks.threadId),
        discussionOf(asks.discussionId),
      ]);
      show(thread ? { level: 'thread', thread, discussion } : { level: 'missing' });
    };
    resolve().catch((error: unknown) => {
      if (mine !== asked.current) return;
      if (error instanceof ApiError && error.status === 401) return reportFailure(error);
      setView(undefined);
      setFailure({ tone: 'error', text: error instanceof ApiError && error.status === 404 ? t('forum.notFound') : explanation(error) });
    });
  }, [wanted]);

  const crumbs: Crumb[] = [{ label: twinspaceName(project), href: pageUrl('twinspace', { id: projectId }) }];
  if (!view || view.level === 'forums') crumbs.push({ label: t('forum.title') });
  else {
    crumbs.push({ label: t('forum.title'), href: forumUrl(projectId) });
    if (view.level === 'discussion') crumbs.push({ label: view.discussion.title });
    if (view.level === 'thread') {
      if (view.discussion) crumbs.push({ label: view.discussion.title, href: forumUrl(projectId, { discussion: view.discussion.discussionId }) });
      crumbs.push({ label: view.thread.title });
    }
  }

  return (
    <div ref={container}>
      <div id="forum-trail">
        <Breadcrumb label={t('forum.trail')} crumbs={crumbs} />
      </div>
      {!rights.writable && <p class="notice closed-notice">{t('forum.closed')}</p>}
      <StatusMessage status={failure} />
      {view?.level === 'forums' && <ForumsLevel key={view.key} projectId={projectId} rights={rights} api={api} focus={view.focus} />}
      {view?.level === 'discussion' && (
        <DiscussionLevel key={view.key} discussion={view.discussion} projectId={projectId} rights={rights} api={api} focus={view.focus} flash={view.flash} />
      )}
      {view?.level === 'thread' && (
        <ThreadLevel
          key={view.key}
          thread={view.thread}
          rights={rights}
          api={api}
          focus={view.focus}
          onThreadDeleted={(flash) => go(forumUrl(projectId, { discussion: view.thread.discussionId }), { replace: true, flash })}
        />
      )}
    </div>
  );
}
