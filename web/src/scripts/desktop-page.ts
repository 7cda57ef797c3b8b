/**
 * The desktop page, from GET /me: my account, my projects with their state
 * and my type in each, and the invitations I can accept or decline.
 */
import { hasTwinspace } from '../../../functions/domain/project-lifecycle.ts';
import { may, mayAtAll } from '../../../functions/domain/policy.ts';
import type { AcceptanceBodyInput, MeWithProjectsResponse } from '../../../functions/http/projects/schemas.ts';
import type { MessageKey } from '../i18n/index.ts';
import { apiGet, apiPost } from './api.ts';
import { kindName, stateName, typeName } from './labels.ts';
import { fill, language, pageUrl, requireSession, showStatus, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';
import { mailLinkText, unreadMailCount } from './desk.ts';

const session = requireSession();
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const loading = element('desktop-loading');

type DesktopProject = MeWithProjectsResponse['projects'][number];

/**
 * Asks before closing or reopening, in the layout's native modal <dialog>
 * (the kit's ConfirmDialog, by hand on this hand-built page): the page behind
 * is inert, focus starts on Cancel, Escape cancels, focus returns to the opener.
 */
function confirmInDialog(question: string, confirmLabel: string, danger: boolean): Promise<boolean> {
  const dialog = element<HTMLDialogElement>('confirm-dialog');
  const ok = element<HTMLButtonElement>('confirm-ok');
  const cancel = element<HTMLButtonElement>('confirm-cancel');
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  element('confirm-question').textContent = question;
  ok.textContent = confirmLabel;
  ok.className = danger ? 'danger' : '';
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      ok.onclick = cancel.onclick = dialog.oncancel = null;
      dialog.close();
      if (opener?.isConnected) opener.focus();
      resolve(answer);
    };
    ok.onclick = () => finish(true);
    cancel.onclick = () => finish(false);
    dialog.oncancel = (event) => {
      event.preventDefault();
      finish(false);
    };
    dialog.showModal();
    cancel.focus();
  });
}

/** Close (approved) or reopen (closed): POST /projects/{id}/close|reopen after a confirmation. */
async function lifecycleStep(project: DesktopProject, step: 'close' | 'reopen', button: HTMLButtonElement) {
  const closing = step === 'close';
  const question = fill(closing ? 'desktop.confirmClose' : 'desktop.confirmReopen', { title: project.title });
  if (!(await confirmInDialog(question, t(closing ? 'desktop.close' : 'desktop.reopen'), closing))) return;
  const label = button.textContent;
  button.disabled = true;
  button.textContent = t('common.busy');
  try {
    await apiPost(`/projects/${encodeURIComponent(project.projectId)}/${step}`);
    await showDesktop();
    showStatus(fill(closing ? 'desktop.closedDone' : 'desktop.reopenedDone', { title: project.title }));
    element('projects-heading').focus();
  } catch (error) {
    button.disabled = false;
    button.textContent = label;
    reportFailure(error);
  }
}

/**
 * What this project offers the caller, as their type allows (the policy
 * table) and its state: the TwinSpace, the Project Diary, a Quality Label
 * application, its partners and members, close or reopen.
 */
function projectActions(project: DesktopProject, titleId: string): HTMLUListElement | undefined {
  const type = project.type;
  if (!type || !hasTwinspace(project.state)) return undefined;
  const open = project.state === 'approved';
  const id = project.projectId;
  const actions = document.createElement('ul');
  actions.className = 'plain actions project-actions';
  actions.setAttribute('aria-label', fill('desktop.actionsOf', { title: project.title }));
  const link = (key: MessageKey, href: string) => {
    const anchor = textElement('a', t(key));
    anchor.href = href;
    anchor.setAttribute('aria-describedby', titleId);
    const item = document.createElement('li');
    item.append(anchor);
    actions.append(item);
  };
  link('desktop.open', pageUrl('twinspace', { id }));
  if (mayAtAll(type, 'diary-private')) link('desktop.diaryLink', pageUrl('twinspace/diary', { id }));
  if (open && mayAtAll(type, 'apply-for-label')) link('desktop.labelLink', `${pageUrl('twinspace/labels', { id })}#apply-form`);
  if (may(type, 'manage-members') === 'allow') link('desktop.membersLink', `/${language}/twinspace/members/?${new URLSearchParams({ id })}`);
  if (may(type, 'manage-project') === 'allow') {
    const step = open ? 'close' : 'reopen';
    const button = textElement('button', t(open ? 'desktop.close' : 'desktop.reopen'), open ? 'danger' : 'secondary');
    button.type = 'button';
    button.setAttribute('aria-describedby', titleId);
    button.addEventListener('click', () => lifecycleStep(project, step, button));
    const item = document.createElement('li');
    item.append(button);
    actions.append(item);
  }
  return actions;
}

function showProjects(me: MeWithProjectsResponse) {
  const list = element<HTMLUListElement>('project-list');
  list.replaceChildren();
  for (const project of me.projects) {
    const item = document.createElement('li');
    const titleId = `project-${project.projectId}`;
    const link = textElement('a', project.title, 'project-title');
    link.id = titleId;
    link.href = pageUrl('twinspace', { id: project.projectId });
    const details = document.createElement('span');
    details.append(
      textElement('span', `${t('desktop.myType')}: `, 'visually-hidden'),
      textElement('span', project.type ? typeName(project.type) : t('desktop.noType'), 'badge'),
      ' ',
      textElement('span', `${t('desktop.state')}: ${stateName(project.state)}`, 'muted'),
    );
    item.append(link, details);
    const actions = projectActions(project, titleId);
    if (actions) item.append(actions);
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
