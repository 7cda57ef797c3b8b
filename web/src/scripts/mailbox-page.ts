/**
 * The TwinSpace mailbox page: the inbox or the sent box (?box=sent), newest
 * first, each message opened in place; "Write a message" offers only the
 * members the policy lets me write to (the one rule, functions/domain/mailbox.ts:
 * pupils to the project's teachers). Visitors and a closed project: read only.
 */
import { checkRecipient, type MailboxBox } from '../../../functions/domain/mailbox.ts';
import { may } from '../../../functions/domain/policy.ts';
import type { MailboxMessageResponse, MailboxPage, MailboxSendBodyInput } from '../../../functions/http/mailbox/schemas.ts';
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import type { MembersPage } from '../../../functions/http/schemas.ts';
import { apiGet, apiPost } from './api.ts';
import { busy, button, element, focusFirstProblem, markField, openAreaPage, pager, readerLocale } from './agenda-mailbox.ts';
import { formatAbsolute } from '../components/kit/format.ts';
import { typeName } from './labels.ts';
import { fill, pageUrl, showError, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import { currentSession } from './session.ts';

const list = element<HTMLUListElement>('message-list');
const more = element<HTMLButtonElement>('more-messages');
const form = element<HTMLFormElement>('write-form');
const recipientSelect = element<HTMLSelectElement>('write-to');
/** Dates as everywhere on the site: the kit's one formatter. */
const when = (iso: string) => formatAbsolute(iso, readerLocale);

let mailboxPath = '';
let box: MailboxBox = new URLSearchParams(location.search).get('box') === 'sent' ? 'sent' : 'inbox';
let messages = pager<MailboxPage>('', {});
/** The members I may write to, by userId (empty when I may not write at all). */
const recipients = new Map<string, MembersPage['items'][number]>();

/** The signed-in member's userId: the ID token's `sub` (read, not verified: the API verifies it). */
function myUserId(): string {
  const payload = currentSession()?.idToken.split('.')[1] ?? '';
  try {
    return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub ?? '';
  } catch {
    return '';
  }
}

const party = (person: MailboxMessageResponse['from']) => `${person.displayName} (${typeName(person.type)})`;

function messageItem(message: MailboxMessageResponse): HTMLLIElement {
  const item = document.createElement('li');
  const bodyId = `message-${message.messageId}`;
  const heading = document.createElement('h3');
  const open = button(message.subject, 'message-open');
  open.setAttribute('aria-expanded', 'false');
  open.setAttribute('aria-controls', bodyId);
  heading.append(open);
  const line = box === 'inbox'
    ? fill('mailbox.fromLine', { name: message.from.displayName, date: when(message.sentAt) })
    : fill('mailbox.toLine', { name: message.to.displayName, date: when(message.sentAt) });

  const opened = document.createElement('div');
  opened.id = bodyId;
  opened.hidden = true;
  const facts = document.createElement('dl');
  facts.className = 'facts';
  for (const [term, value] of [
    [t('mailbox.from'), party(message.from)],
    [t('mailbox.to'), party(message.to)],
    [t('mailbox.date'), when(message.sentAt)],
  ]) {
    const row = document.createElement('div');
    row.append(textElement('dt', term), textElement('dd', value));
    facts.append(row);
  }
  opened.append(facts, textElement('p', message.body, 'message-body'));
  if (box === 'inbox' && recipients.has(message.from.userId)) {
    const reply = button(t('mailbox.reply'), 'secondary');
    reply.addEventListener('click', () => {
      recipientSelect.value = message.from.userId;
      (form.elements.namedItem('subject') as HTMLInputElement).value = /^re:/i.test(message.subject) ? message.subject : `Re: ${message.subject}`;
      element('write-body').focus();
    });
    opened.append(reply);
  }
  open.addEventListener('click', () => {
    opened.hidden = !opened.hidden;
    open.setAttribute('aria-expanded', String(!opened.hidden));
  });
  item.append(heading, textElement('p', line, 'muted'), opened);
  return item;
}

async function showNextPage() {
  const page = await messages.next();
  list.append(...page.map(messageItem));
  more.hidden = messages.done;
  element('no-messages').hidden = list.childElementCount > 0;
}

async function showBox(chosen: MailboxBox) {
  box = chosen;
  element('box-heading').textContent = t(box === 'inbox' ? 'mailbox.inbox' : 'mailbox.sent');
  for (const [id, which] of [['nav-inbox', 'inbox'], ['nav-sent', 'sent']] as const) {
    if (which === box) element(id).setAttribute('aria-current', 'page');
    else element(id).removeAttribute('aria-current');
  }
  messages = pager<MailboxPage>(mailboxPath, { box });
  list.replaceChildren();
  await showNextPage();
}

async function allMembers(projectId: string): Promise<MembersPage['items']> {
  const members: MembersPage['items'] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '100' });
    if (cursor) query.set('cursor', cursor);
    const page: MembersPage = await apiGet<MembersPage>(`/projects/${encodeURIComponent(projectId)}/members?${query}`);
    members.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return members;
}

/** The write form, with only the members this member may write to; or a short text saying why there is none. */
async function setUpWriting(project: ProjectDetailResponse, projectId: string) {
  const unavailable = (key: 'mailbox.visitor' | 'mailbox.closed' | 'mailbox.nobody') => {
    element('write-unavailable').textContent = t(key);
    element('write-unavailable').hidden = false;
    form.remove();
  };
  const permission = project.myType ? may(project.myType, 'write-mailbox') : 'deny';
  if (permission === 'deny') return unavailable('mailbox.visitor');
  if (project.state !== 'approved') return unavailable('mailbox.closed');
  const me = myUserId();
  for (const member of await allMembers(projectId)) {
    if (checkRecipient(permission, me, { userId: member.userId, type: member.type }).ok) recipients.set(member.userId, member);
  }
  if (recipients.size === 0) return unavailable('mailbox.nobody');
  recipientSelect.append(new Option(t('mailbox.choose'), ''));
  for (const member of recipients.values()) recipientSelect.append(new Option(`${member.displayName} — ${typeName(member.type)}`, member.userId));
  element('write-to-hint').hidden = permission !== "to the project's teachers";
  form.hidden = false;
}

form.addEventListener('submit', async (submitted) => {
  submitted.preventDefault();
  clearFieldProblems(form);
  showStatus('');
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  const empty = ['toUserId', 'subject', 'body'].filter((name) => !value(name));
  if (empty.length) {
    empty.forEach((name) => markField(form, name, t('agendaMailbox.required')));
    showError(t('agendaMailbox.checkFields'));
    focusFirstProblem(form);
    return;
  }
  const done = busy(element<HTMLButtonElement>('write-send'), 'mailbox.sending');
  try {
    const sent = await apiPost<MailboxMessageResponse>(mailboxPath, {
      toUserId: value('toUserId'),
      subject: value('subject'),
      body: value('body'),
    } satisfies MailboxSendBodyInput);
    form.reset();
    history.replaceState(null, '', pageUrl('twinspace/mailbox', { id: new URLSearchParams(location.search).get('id') ?? '', box: 'sent' }));
    await showBox('sent');
    showStatus(fill('mailbox.sentDone', { subject: sent.subject, name: sent.to.displayName }));
    element('box-heading').focus();
  } catch (error) {
    if (showFieldProblems(form, error)) {
      showError(t('agendaMailbox.checkFields'));
      focusFirstProblem(form);
    } else reportFailure(error);
  } finally {
    done();
  }
});

openAreaPage('mailbox.titleOf', async (project, projectId) => {
  mailboxPath = `/projects/${encodeURIComponent(projectId)}/mailbox`;
  element<HTMLAnchorElement>('nav-inbox').href = pageUrl('twinspace/mailbox', { id: projectId });
  element<HTMLAnchorElement>('nav-sent').href = pageUrl('twinspace/mailbox', { id: projectId, box: 'sent' });
  more.addEventListener('click', () => showNextPage().catch(reportFailure));
  // The recipients first: a Reply button is offered only to someone I may write to.
  await setUpWriting(project, projectId);
  await showBox(box);
});
