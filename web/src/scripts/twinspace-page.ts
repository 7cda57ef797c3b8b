/** The TwinSpace page: the project, its members, and the chat for those who may chat. */
import { ApiError, apiGet, type Member, type Page, type Project } from './api.ts';
import { ChatRefused, startChat } from './chat.ts';
import { stateName, typeName } from './labels.ts';
import { pageUrl, requireSession, showError, t, textElement } from './page.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const projectId = new URLSearchParams(location.search).get('id');
const session = requireSession();

async function showTwinspace(id: string, idToken: string) {
  const path = `/projects/${encodeURIComponent(id)}`;
  const [project, members] = await Promise.all([
    apiGet<Project>(path),
    apiGet<Page<Member>>(`${path}/members?limit=100`),
  ]);
  element('page-title').textContent = project.title;
  document.title = `${project.title} · ${t('twinspace.title')}`;
  element('project-state').textContent = stateName(project.state);
  const myType = project.myType;
  element('project-my-type').textContent = myType ? typeName(myType) : '—';
  element('project-description').textContent = project.description ?? '';

  const list = element<HTMLUListElement>('member-list');
  for (const member of members.items) {
    const item = document.createElement('li');
    const who = document.createElement('span');
    who.append(textElement('span', member.displayName), ' ', textElement('span', member.country, 'muted'));
    item.append(
      who,
      textElement('span', typeName(member.type), 'badge'),
    );
    list.append(item);
  }
  element('no-members').hidden = members.items.length > 0;
  element('twinspace').hidden = false;

  const unavailable = element('chat-unavailable');
  if (!myType || myType === 'visitor') {
    unavailable.textContent = t(myType === 'visitor' ? 'chat.visitor' : 'chat.refused');
    unavailable.hidden = false;
    element('chat-panel').remove();
    return;
  }
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
    if (error instanceof ChatRefused || (error instanceof ApiError && error.status === 403)) {
      element('chat-panel').remove();
      unavailable.textContent = t('chat.refused');
      unavailable.hidden = false;
      return;
    }
    throw error;
  }
}

const loading = element('twinspace-loading');
if (session && !projectId) {
  loading.hidden = true;
  showError(t('twinspace.missingId'));
} else if (session && projectId) {
  showTwinspace(projectId, session.idToken)
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
