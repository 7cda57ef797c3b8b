/**
 * Desktop mail: the address chooses the view (a folder, one mail, or the
 * compose form). The unread count shows in the heading and on the Inbox
 * link, and is asked again after a mail is opened (opening marks it read).
 */
import type { MailPage, MailResponse, MailSendBodyInput } from '../../../functions/http/desktop/schemas.ts';
import { ApiError, apiGet, apiPost } from './api.ts';
import { busy, deskUrl, element, fieldValue, flagField, focusFirstProblem, setField, unreadMailCount, when } from './desk.ts';
import { fill, requireSession, showError, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const session = requireSession();
const params = new URLSearchParams(location.search);
const list = element<HTMLUListElement>('mail-list');
const olderButton = element<HTMLButtonElement>('older-mail');
const form = element<HTMLFormElement>('compose-form');
/** The partner the mail goes to when chosen in partner search (or a reply); else the typed username. */
let recipient: { userId: string; name: string } | undefined;

const party = (person: MailResponse['from']) => `${person.displayName} (${person.country})`;

function showUnread(unread: number) {
  const title = element('page-title');
  let count = document.getElementById('title-unread');
  if (!count) {
    count = textElement('span', '', 'muted');
    count.id = 'title-unread';
    title.append(' ', count);
  }
  count.textContent = unread > 0 ? fill('mail.unreadHeading', { count: String(unread) }) : '';
  element('nav-inbox').textContent = unread > 0 ? fill('mail.inboxUnread', { count: String(unread) }) : t('mail.inbox');
}

function markCurrent(id: string) {
  for (const link of ['nav-inbox', 'nav-sent', 'nav-compose']) {
    if (link === id) element(link).setAttribute('aria-current', 'page');
    else element(link).removeAttribute('aria-current');
  }
}

function showView(id: 'folder-view' | 'read-view' | 'compose-view') {
  for (const view of ['folder-view', 'read-view', 'compose-view']) element(view).hidden = view !== id;
}

function mailItem(mail: MailPage['items'][number]): HTMLLIElement {
  const item = document.createElement('li');
  if (!mail.read) item.className = 'unread';
  const title = document.createElement('span');
  const link = textElement('a', mail.subject);
  link.href = deskUrl('mail', { id: mail.mailId });
  title.append(link);
  if (!mail.read) title.append(' ', textElement('span', t('mail.unread'), 'badge'));
  const other = mail.folder === 'inbox' ? `${t('mail.from')}: ${party(mail.from)}` : `${t('mail.to')}: ${party(mail.to)}`;
  item.append(title, textElement('span', `${other} · ${when(mail.sentAt)}`, 'muted'));
  return item;
}

async function showFolder(folder: MailResponse['folder'], cursor?: string) {
  const query = new URLSearchParams({ folder, limit: '20' });
  if (cursor) query.set('cursor', cursor);
  const page = await apiGet<MailPage>(`/mail?${query}`);
  showUnread(page.unread);
  if (!cursor) {
    list.replaceChildren();
    element('folder-heading').textContent = t(folder === 'inbox' ? 'mail.inbox' : 'mail.sent');
    markCurrent(folder === 'inbox' ? 'nav-inbox' : 'nav-sent');
    showView('folder-view');
  }
  list.append(...page.items.map(mailItem));
  element('mail-empty').hidden = list.childElementCount > 0;
  olderButton.hidden = !page.nextCursor;
  olderButton.onclick = () => {
    const done = busy(olderButton, 'common.busy');
    showFolder(folder, page.nextCursor ?? undefined)
      .catch(reportFailure)
      .finally(done);
  };
}

async function showMail(mailId: string) {
  const mail = await apiGet<MailResponse>(`/mail/${encodeURIComponent(mailId)}`);
  element('read-subject').textContent = mail.subject;
  element('read-from').textContent = party(mail.from);
  element('read-to').textContent = party(mail.to);
  element('read-date').textContent = when(mail.sentAt);
  element('read-body').textContent = mail.body;
  const reply = element<HTMLAnchorElement>('read-reply');
  if (mail.folder === 'inbox') {
    const subject = /^re:/i.test(mail.subject) ? mail.subject : `Re: ${mail.subject}`;
    reply.href = deskUrl('mail', { compose: '1', to: mail.from.userId, name: mail.from.displayName, subject });
    reply.hidden = false;
  }
  element<HTMLAnchorElement>('read-back').href = deskUrl('mail', { folder: mail.folder });
  markCurrent(mail.folder === 'inbox' ? 'nav-inbox' : 'nav-sent');
  showView('read-view');
  element('read-subject').focus();
  // Opening it marked it read: the count in the heading follows.
  showUnread(await unreadMailCount());
}

async function showCompose() {
  const to = params.get('to');
  const name = params.get('name');
  if (to) {
    recipient = { userId: to, name: name || to };
    element('fixed-recipient-name').textContent = recipient.name;
    element('fixed-recipient').hidden = false;
    element('typed-recipient').hidden = true;
  }
  setField(form, 'subject', params.get('subject') ?? '');
  markCurrent('nav-compose');
  showView('compose-view');
  // Also tells at once whether this account has desktop mail at all (403 otherwise).
  showUnread(await unreadMailCount());
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  showStatus('');
  const required = ['subject', 'body', ...(recipient ? [] : ['toUsername'])];
  const empty = required.filter((name) => !fieldValue(form, name));
  if (empty.length) {
    empty.forEach((name) => flagField(form, name, 'desk.required'));
    showError(t('desk.checkFields'));
    focusFirstProblem(form);
    return;
  }
  const done = busy(form.querySelector('button')!, 'mail.sending');
  try {
    const sent = await apiPost<MailResponse>('/mail', {
      ...(recipient ? { toUserId: recipient.userId } : { toUsername: fieldValue(form, 'toUsername') }),
      subject: fieldValue(form, 'subject'),
      body: fieldValue(form, 'body'),
    } satisfies MailSendBodyInput);
    form.reset();
    history.replaceState(null, '', deskUrl('mail', { folder: 'sent' }));
    await showFolder('sent');
    showStatus(fill('mail.sentDone', { subject: sent.subject, name: sent.to.displayName }));
    element('folder-heading').focus();
  } catch (error) {
    if (showFieldProblems(form, error)) {
      showError(`${t('mail.notSent')} ${t('desk.checkFields')}`);
      focusFirstProblem(form);
    } else {
      reportFailure(error);
    }
  } finally {
    done();
  }
});

async function load() {
  element('mail').hidden = false;
  const mailId = params.get('id');
  if (params.has('compose')) await showCompose();
  else if (mailId) await showMail(mailId);
  else await showFolder(params.get('folder') === 'sent' ? 'sent' : 'inbox');
}

if (session) {
  load()
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 403) {
        element('mail').hidden = true;
        element('mail-refused').hidden = false;
      } else if (error instanceof ApiError && error.status === 404) {
        showError(t('mail.notFound'));
      } else {
        reportFailure(error);
      }
    })
    .finally(() => (element('mail-loading').hidden = true));
}
