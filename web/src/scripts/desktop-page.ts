/**
 * The desktop page, from GET /me: my account, my projects with their state
 * and my type in each, and the invitations I can accept or decline.
 */
import type { AcceptanceBodyInput, MeWithProjectsResponse } from '../../../functions/http/projects/schemas.ts';
import { apiGet, apiPost } from './api.ts';
import { kindName, stateName, typeName } from './labels.ts';
import { fill, pageUrl, requireSession, showStatus, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';
import { mailLinkText, unreadMailCount } from './desk.ts';

const session = requireSession();
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const loading = element('desktop-loading');

function showProjects(me: MeWithProjectsResponse) {
  const list = element<HTMLUListElement>('project-list');
  list.replaceChildren();
  for (const project of me.projects) {
    const item = document.createElement('li');
    const link = textElement('a', project.title, 'project-title');
    link.href = pageUrl('twinspace', { id: project.projectId });
    const details = document.createElement('span');
    details.append(
      textElement('span', `${t('desktop.myType')}: `, 'visually-hidden'),
      textElement('span', project.type ? typeName(project.type) : t('desktop.noType'), 'badge'),
      ' ',
      textElement('span', `${t('desktop.state')}: ${stateName(project.state)}`, 'muted'),
    );
    item.append(link, details);
    list.append(item);
  }
  element('no-projects').hidden = me.projects.length > 0;
}

function showInvitations(invitations: MeWithProjectsResponse['invitations']) {
  const list = element<HTMLUListElement>('invitation-list');
  list.replaceChildren();
  for (const invitation of invitations) {
    const item = document.createElement('li');
    const titleId = `invitation-${invitation.projectId}`;
    const title = textElement('p', invitation.title, 'project-title');
    title.id = titleId;
    item.append(title, textElement('p', `${t('desktop.invitedBy')} ${invitation.invitedBy.displayName} (${invitation.invitedBy.country})`, 'muted'));
    // What the partner agrees to: the project's description, as text (line breaks kept by CSS).
    if (invitation.description) item.append(textElement('p', invitation.description, 'invitation-description'));
    const actions = document.createElement('div');
    actions.className = 'actions';
    const accept = textElement('button', t('desktop.accept'));
    const decline = textElement('button', t('desktop.decline'), 'secondary');
    for (const button of [accept, decline]) {
      button.type = 'button';
      button.setAttribute('aria-describedby', titleId);
      button.addEventListener('click', () => answer(invitation, button === accept, [accept, decline]));
    }
    actions.append(accept, decline);
    item.append(actions);
    list.append(item);
  }
  element('no-invitations').hidden = invitations.length > 0;
}

async function answer(invitation: MeWithProjectsResponse['invitations'][number], accept: boolean, buttons: HTMLButtonElement[]) {
  if (!accept && !confirm(fill('desktop.confirmDecline', { title: invitation.title }))) return;
  buttons.forEach((button) => (button.disabled = true));
  try {
    await apiPost(`/projects/${encodeURIComponent(invitation.projectId)}/acceptance`, { accept } satisfies AcceptanceBodyInput);
    await showDesktop();
    showStatus(fill(accept ? 'desktop.accepted' : 'desktop.declined', { title: invitation.title }));
    element('projects-heading').focus();
  } catch (error) {
    buttons.forEach((button) => (button.disabled = false));
    reportFailure(error);
  }
}

async function showDesktop() {
  const me = await apiGet<MeWithProjectsResponse>('/me');
  const put = (id: string, text: string) => (element(id).textContent = text);
  put('account-username', me.username);
  put('account-name', me.profile.displayName);
  put('account-kind', kindName(me.kind));
  put('account-country', me.country);
  showProjects(me);
  element('invitations').hidden = me.kind !== 'teacher';
  showInvitations(me.invitations);
  element('new-project-link').hidden = me.kind !== 'teacher';
  element('nss-link').hidden = me.kind !== 'nss';
  element('evaluator-link').hidden = me.kind !== 'evaluator';
  document.querySelectorAll<HTMLElement>('[data-teacher]').forEach((link) => (link.hidden = me.kind !== 'teacher'));
  if (me.kind === 'teacher') unreadMailCount().then((unread) => (element('mail-link').textContent = mailLinkText(unread)), reportFailure);
  element('desktop').hidden = false;
}

if (session) {
  // Headings that receive focus after an action must be focusable.
  element('projects-heading').tabIndex = -1;
  const created = new URLSearchParams(location.search).get('created');
  showDesktop()
    .then(() => {
      if (!created) return;
      showStatus(fill('desktop.created', { title: created }));
      // Said once: a reload or a bookmark does not repeat it.
      history.replaceState(null, '', location.pathname);
    })
    .catch(reportFailure)
    .finally(() => (loading.hidden = true));
}
