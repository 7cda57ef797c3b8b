/**
 * The TwinSpace page: the project, its members, the chat for those who may
 * chat, and "Manage members" for teacher administrators. A closed project is
 * read-only: a notice, and no write control at all.
 */
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import type { MembersPage } from '../../../functions/http/schemas.ts';
import { ApiError, apiGet } from './api.ts';
import { ChatRefused, startChat } from './chat.ts';
import { stateName, typeName } from './labels.ts';
import { pageUrl, requireSession, showError, showStatus, t, textElement, type TwinspaceAreaPage } from './page.ts';
import { mayAtAll, type Action } from '../../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../../functions/domain/twinspace-types.ts';
import { setUpManagement } from './manage-members.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const projectId = new URLSearchParams(location.search).get('id');
const session = requireSession();
// A message to show after the page reloads itself (closing or reopening the project).
const flashKey = 'twinspace.flash';

async function membersOf(path: string): Promise<MembersPage['items']> {
  const members: MembersPage['items'] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const page: MembersPage = await apiGet<MembersPage>(`${path}/members?${query}`);
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return members;
}

function showRoster(members: MembersPage['items']) {
  const list = element<HTMLUListElement>('member-list');
  list.replaceChildren();
  for (const member of members) {
    const item = document.createElement('li');
    const who = document.createElement('span');
    who.append(textElement('span', member.displayName), ' ', textElement('span', member.country, 'muted'));
    item.append(who, textElement('span', typeName(member.type), 'badge'));
    list.append(item);
  }
  element('no-members').hidden = members.length > 0;
}

async function showTwinspace(id: string, idToken: string) {
  const path = `/projects/${encodeURIComponent(id)}`;
  const project = await apiGet<ProjectDetailResponse>(path);
  element('page-title').textContent = project.title;
  document.title = `${project.title} · ${t('twinspace.title')}`;
  element('project-state').textContent = stateName(project.state);
  const myType = project.myType;
  element('project-my-type').textContent = myType ? typeName(myType) : '—';
  element('project-description').textContent = project.description;
  if (project.state === 'rejected' && project.rejectionReason) {
    element('project-rejection').textContent = `${t('editProject.rejectedBecause')} ${project.rejectionReason}`;
    element('project-rejection').hidden = false;
  }
  if (project.myActions.includes('edit')) {
    element<HTMLAnchorElement>('project-edit-link').href = pageUrl('projects/edit', { id });
    element('project-edit').hidden = false;
  }

  const open = project.state === 'approved';
  const closed = project.state === 'closed';
  element('closed-notice').hidden = !closed;
  element('not-open-notice').hidden = open || closed;
  // Before approval there is no TwinSpace yet: founders see the project, not a roster.
  const members = open || closed ? await membersOf(path) : [];
  showRoster(members);
  if (open || closed) showAreaLinks(id, myType);

  if (myType === 'teacher-admin' && (open || closed)) {
    const draw = setUpManagement(id, {
      refresh: async () => {
        const fresh = await membersOf(path);
        showRoster(fresh);
        draw(fresh, open, project.myActions);
      },
      reloadWith: (message) => {
        sessionStorage.setItem(flashKey, message);
        location.reload();
      },
    });
    draw(members, open, project.myActions);
    element('manage').hidden = false;
  }
  element('twinspace').hidden = false;

  const unavailable = element('chat-unavailable');
  const noChat = (message: string) => {
    unavailable.textContent = message;
    unavailable.hidden = false;
    element('chat-panel').remove();
  };
  if (!open) return noChat(t(closed ? 'chat.closed' : 'chat.refused'));
  if (!myType || myType === 'visitor') return noChat(t(myType === 'visitor' ? 'chat.visitor' : 'chat.refused'));
  element('chat-panel').hidden = false;
  try {
    await startChat(
      {
        root: element('chat'),
        list: element('chat-log'),
        empty: element('chat-empty'),
        status: element('chat-status'),
        announcer: element('chat-announcer'),
        error: element('chat-error'),
        form: element('chat-form'),
        input: element('chat-input'),
        typeName,
      },
      id,
      idToken,
    );
  } catch (error) {
    if (error instanceof ChatRefused || (error instanceof ApiError && error.status === 403)) return noChat(t('chat.refused'));
    throw error;
  }
}

const loading = element('twinspace-loading');
if (session && !projectId) {
  loading.hidden = true;
  showError(t('twinspace.missingId'));
} else if (session && projectId) {
  const flash = sessionStorage.getItem(flashKey);
  sessionStorage.removeItem(flashKey);
  showTwinspace(projectId, session.idToken)
    .then(() => {
      if (flash) showStatus(flash);
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        location.assign(pageUrl('', { next: location.pathname + location.search }));
        return;
      }
      if (error instanceof ApiError && (error.status === 404 || error.status === 403)) showError(t('twinspace.notFound'));
      else showError(error instanceof ApiError && error.status === 0 ? t('common.unreachable') : t('common.error'));
    })
    .finally(() => (loading.hidden = true));
}

/** What each area page needs the member's type to be allowed (the policy table, functions/domain/policy.ts). */
const areaAction: Record<TwinspaceAreaPage, Action> = {
  'twinspace/pages': 'read-public-area',
  'twinspace/forum': 'forum-reply',
  'twinspace/agenda': 'read-public-area',
  'twinspace/mailbox': 'read-public-area',
  'twinspace/diary': 'diary-private',
  'twinspace/labels': 'apply-for-label',
};

/** Links to the areas this member's type may use, and to the project's public page. */
function showAreaLinks(id: string, myType: TwinspaceType | null | undefined) {
  document.querySelectorAll<HTMLAnchorElement>('[data-area]').forEach((link) => {
    const page = link.dataset.area as TwinspaceAreaPage;
    link.href = pageUrl(page, { id });
    link.closest<HTMLElement>('[data-area-item]')!.hidden = !myType || !mayAtAll(myType, areaAction[page]);
  });
  element<HTMLAnchorElement>('public-page-link').href = pageUrl('public', { id });
  element('areas').hidden = false;
}
