/**
 * The groups page: every group with join / leave; the owner adds teachers
 * by username and removes members; any teacher creates a group.
 */
import type {
  GroupCreateBodyInput,
  GroupMemberAddBodyInput,
  GroupMemberResponse,
  GroupMembersPage,
  GroupResponse,
  GroupsPage,
} from '../../../functions/http/community/schemas.ts';
import { apiDelete, apiGet, apiPost } from './api.ts';
import { element, markProblem, openCommunityPage, pager, sendForm } from './community.ts';
import { clearError, fill, requireSession, showStatus, t, textElement } from './page.ts';
import { counted } from './counted.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const session = requireSession();
const list = element<HTMLUListElement>('group-list');
const more = element<HTMLButtonElement>('more-groups');
let groups = pager<GroupsPage>('/groups');
let myUserId = '';

function button(label: string, className?: string): HTMLButtonElement {
  const made = textElement('button', label, className);
  made.type = 'button';
  return made;
}

/** Runs an action from a button; the list is read again afterwards so counts and states are the server's. */
async function act(buttons: HTMLButtonElement[], action: () => Promise<string>) {
  buttons.forEach((each) => (each.disabled = true));
  clearError();
  try {
    const said = await action();
    await reload();
    showStatus(said);
    element('group-list-heading').focus();
  } catch (error) {
    buttons.forEach((each) => (each.disabled = false));
    reportFailure(error);
  }
}

async function showMembers(group: GroupResponse, holder: HTMLElement) {
  const members = await apiGet<GroupMembersPage>(`/groups/${group.groupId}/members?limit=100`);
  const heading = textElement('h4', fill('groups.memberList', { name: group.name }));
  const memberList = document.createElement('ul');
  memberList.className = 'plain';
  for (const member of members.items) {
    const row = document.createElement('li');
    row.append(textElement('span', `${member.displayName} (${member.country}) `));
    if (member.userId !== myUserId) {
      const remove = button(t('groups.remove'), 'secondary');
      remove.setAttribute('aria-label', fill('groups.removeWho', { member: member.displayName }));
      remove.addEventListener('click', () =>
        act([remove], async () => {
          await apiDelete(`/groups/${group.groupId}/members/${encodeURIComponent(member.userId)}`);
          return fill('groups.removed', { member: member.displayName, name: group.name });
        }),
      );
      row.append(remove);
    }
    memberList.append(row);
  }
  holder.replaceChildren(heading, memberList);
}

function ownerTools(group: GroupResponse, item: HTMLLIElement) {
  const form = document.createElement('form');
  form.noValidate = true;
  const inputId = `add-${group.groupId}`;
  const label = textElement('label', t('groups.addUsername'));
  label.htmlFor = inputId;
  const input = document.createElement('input');
  input.id = inputId;
  input.name = 'username';
  input.type = 'text';
  input.autocapitalize = 'none';
  input.spellcheck = false;
  input.dataset.field = 'username';
  const problem = textElement('p', '', 'field-error');
  problem.id = `${inputId}-error`;
  problem.dataset.fieldError = 'username';
  problem.hidden = true;
  input.setAttribute('aria-describedby', problem.id);
  const field = document.createElement('div');
  field.className = 'field';
  field.append(label, input, problem);
  const add = textElement('button', t('groups.add'));
  add.type = 'submit';
  form.append(field, add);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    const username = input.value.trim();
    if (!username) {
      problem.textContent = t('community.required');
      problem.hidden = false;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    add.disabled = true;
    try {
      const added = await apiPost<GroupMemberResponse>(`/groups/${group.groupId}/members`, { username } satisfies GroupMemberAddBodyInput);
      await reload();
      showStatus(fill('groups.added', { member: added.displayName, name: group.name }));
      element('group-list-heading').focus();
    } catch (error) {
      add.disabled = false;
      if (!showFieldProblems(form, error)) reportFailure(error);
      else input.focus();
    }
  });
  const members = document.createElement('div');
  item.append(form, members);
  showMembers(group, members).catch(reportFailure);
}

function groupItem(group: GroupResponse): HTMLLIElement {
  const item = document.createElement('li');
  const nameId = `group-${group.groupId}`;
  const name = textElement('h3', group.name);
  name.id = nameId;
  item.append(name, textElement('p', group.theme));
  const facts = document.createElement('p');
  facts.className = 'muted';
  // "1 of 1 member", "3 of 10 members": the noun follows the number next to it.
  const count = group.maxMembers
    ? counted(group.maxMembers, { one: 'groups.membersOf.one', other: 'groups.membersOf' }, { count: String(group.memberCount), max: String(group.maxMembers) })
    : counted(group.memberCount, { one: 'groups.members.one', other: 'groups.members' });
  facts.append(
    textElement('span', t(group.access === 'open' ? 'groups.open' : 'groups.invitation'), 'badge'),
    ` ${count} · ${fill('groups.owner', { name: group.owner.displayName })}`,
  );
  item.append(facts);
  const actions = document.createElement('div');
  actions.className = 'actions';
  if (group.isOwner) actions.append(textElement('span', t('groups.youOwn'), 'badge'));
  else if (group.isMember) {
    actions.append(textElement('span', t('groups.youAreMember'), 'badge'));
    const leave = button(t('groups.leave'), 'secondary');
    leave.setAttribute('aria-describedby', nameId);
    leave.addEventListener('click', () =>
      act([leave], async () => {
        await apiDelete(`/groups/${group.groupId}/members/${encodeURIComponent(myUserId)}`);
        return fill('groups.left', { name: group.name });
      }),
    );
    actions.append(leave);
  } else if (group.access === 'open') {
    const join = button(t('groups.join'));
    join.setAttribute('aria-describedby', nameId);
    join.addEventListener('click', () =>
      act([join], async () => {
        await apiPost(`/groups/${group.groupId}/members`, {} satisfies GroupMemberAddBodyInput);
        return fill('groups.joined', { name: group.name });
      }),
    );
    actions.append(join);
  }
  if (actions.childElementCount) item.append(actions);
  if (group.isOwner) ownerTools(group, item);
  return item;
}

async function showNextPage() {
  const page = await groups.next();
  list.append(...page.map(groupItem));
  more.hidden = groups.done;
  element('no-groups').hidden = list.childElementCount > 0;
}

async function reload() {
  groups = pager<GroupsPage>('/groups');
  list.replaceChildren();
  await showNextPage();
}

function setUpCreateForm() {
  const form = element<HTMLFormElement>('group-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    const data = new FormData(form);
    const body: GroupCreateBodyInput = {
      name: String(data.get('name') ?? '').trim(),
      theme: String(data.get('theme') ?? '').trim(),
      // The form's radio buttons carry exactly the API's values.
      access: String(data.get('access')) as GroupCreateBodyInput['access'],
    };
    const missing = (['name', 'theme'] as const).filter((field) => !body[field]);
    if (missing.length) {
      for (const field of missing) markProblem(form, field, t('community.required'));
      form.querySelector<HTMLElement>(`[data-field="${missing[0]}"]`)!.focus();
      return;
    }
    await sendForm(form, async () => {
      const created = await apiPost<GroupResponse>('/groups', body);
      form.reset();
      await reload();
      showStatus(fill('groups.created', { name: created.name }));
      element('group-list-heading').focus();
    });
  });
}

if (session) {
  more.addEventListener('click', () => showNextPage().catch(reportFailure));
  setUpCreateForm();
  openCommunityPage('groups', (me) => {
    myUserId = me.userId;
    return showNextPage();
  });
}
