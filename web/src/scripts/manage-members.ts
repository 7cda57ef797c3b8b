/**
 * "Manage members" on the TwinSpace page, for teacher administrators: add an
 * existing teacher or guest, create a pupil account, change a type (only the
 * types the member's kind may hold), remove, reset a pupil's password, close
 * and reopen. One-time passwords are shown once, in the page only.
 */
import { allowedKinds, twinspaceTypes, type AccountKind } from '../../../functions/domain/twinspace-types.ts';
import type {
  AddExistingMemberBodyInput,
  AddMemberResponse,
  ChangeMemberTypeBodyInput,
  CreatePupilBodyInput,
  PasswordResetResponse,
} from '../../../functions/http/members/schemas.ts';
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import type { MembersPage } from '../../../functions/http/schemas.ts';
import { apiDelete, apiPatch, apiPost } from './api.ts';
import { typeName } from './labels.ts';
import { fill, language, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';
import { askConfirm } from './ask-confirm.tsx';
import { actionsLost } from './twinspace-tabs.ts';
import type { MessageKey } from '../i18n/index.ts';

export interface Manager {
  /** My own user id: lowering my own type asks first, saying what I would lose. */
  me: string;
  /** Re-reads the members and redraws the roster and this list. */
  refresh: () => Promise<void>;
  /** Reloads the page in the project's new state, saying what happened. */
  reloadWith: (message: string) => void;
}

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const typesFor = (kind: string) => twinspaceTypes.filter((type) => allowedKinds[type].includes(kind as AccountKind));

/** Shows a username and a one-time password once, in the marked box, and moves focus there. */
function showSecret(name: string, username: string, password: string) {
  element('secret-heading').textContent = fill('manage.secretTitle', { name });
  element('secret-username').textContent = username;
  element('secret-username-row').hidden = !username;
  element('secret-password').textContent = password;
  const box = element('secret');
  box.hidden = false;
  box.focus();
}

function forgetSecret() {
  element('secret-username').textContent = '';
  element('secret-password').textContent = '';
  element('secret').hidden = true;
}

async function busy<T>(controls: HTMLButtonElement[], work: () => Promise<T>): Promise<T | undefined> {
  controls.forEach((control) => (control.disabled = true));
  try {
    return await work();
  } catch (error) {
    reportFailure(error);
    return undefined;
  } finally {
    controls.forEach((control) => (control.disabled = false));
  }
}

export function setUpManagement(
  projectId: string,
  manager: Manager,
): (members: MembersPage['items'], writable: boolean, actions: ProjectDetailResponse['myActions']) => void {
  const base = `/projects/${encodeURIComponent(projectId)}`;
  element('secret-done').addEventListener('click', () => {
    forgetSecret();
    element('manage-heading').focus();
  });
  element('manage-heading').tabIndex = -1;

  const addForm = element<HTMLFormElement>('add-member-form');
  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(addForm);
    const input = addForm.elements.namedItem('username') as HTMLInputElement;
    // The select's options carry exactly the API's values.
    const type = (addForm.elements.namedItem('type') as HTMLSelectElement).value as AddExistingMemberBodyInput['type'];
    if (!input.value.trim()) return flagEmpty(addForm, 'username');
    const added = await busy([...addForm.querySelectorAll('button')], () =>
      apiPost<AddMemberResponse>(`${base}/members`, { username: input.value.trim(), type } satisfies AddExistingMemberBodyInput).catch((error: unknown) => {
        if (showFieldProblems(addForm, error)) return undefined;
        throw error;
      }),
    );
    if (!added) return;
    input.value = '';
    await manager.refresh();
    showStatus(fill('manage.added', { name: added.member.displayName }));
  });

  const pupilForm = element<HTMLFormElement>('create-pupil-form');
  pupilForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(pupilForm);
    forgetSecret();
    const input = pupilForm.elements.namedItem('displayName') as HTMLInputElement;
    const type = (pupilForm.elements.namedItem('type') as HTMLSelectElement).value as CreatePupilBodyInput['type'];
    if (!input.value.trim()) return flagEmpty(pupilForm, 'pupil');
    const created = await busy([...pupilForm.querySelectorAll('button')], () =>
      apiPost<AddMemberResponse>(`${base}/members`, { pupil: { displayName: input.value.trim() }, type } satisfies CreatePupilBodyInput).catch((error: unknown) => {
        if (showFieldProblems(pupilForm, error)) return undefined;
        throw error;
      }),
    );
    if (!created) return;
    input.value = '';
    await manager.refresh();
    if (created.oneTimePassword) showSecret(created.member.displayName, created.member.username, created.oneTimePassword);
  });

  const close = element<HTMLButtonElement>('close-project');
  const reopen = element<HTMLButtonElement>('reopen-project');
  close.addEventListener('click', async () => {
    if (!confirm(t('manage.confirmClose'))) return;
    const done = await busy([close], () => apiPost(`${base}/close`).then(() => true));
    if (done) manager.reloadWith(t('manage.closedDone'));
  });
  reopen.addEventListener('click', async () => {
    const done = await busy([reopen], () => apiPost(`${base}/reopen`).then(() => true));
    if (done) manager.reloadWith(t('manage.reopened'));
  });

  return (members, writable, actions) => {
    // Read-only (closed): the Members list above says everything; no control is left.
    element('member-forms').hidden = !writable;
    element('manage-roster').hidden = !writable;
    // The server says which lifecycle steps I may take now.
    close.hidden = !actions.includes('close');
    reopen.hidden = !actions.includes('reopen');
    const list = element<HTMLUListElement>('manage-list');
    list.replaceChildren(...(writable ? members.map(memberRow) : []));
  };

  function memberRow(member: MembersPage['items'][number]): HTMLLIElement {
    const item = document.createElement('li');
    const who = document.createElement('span');
    who.append(textElement('span', member.displayName), ' ', textElement('span', member.country, 'muted'));
    item.append(who);
    const controls = document.createElement('div');
    controls.className = 'actions';
    const select = document.createElement('select');
    select.setAttribute('aria-label', fill('manage.typeOf', { name: member.displayName }));
    for (const type of typesFor(member.kind)) {
      const option = textElement('option', typeName(type));
      option.value = type;
      option.selected = type === member.type;
      select.append(option);
    }
    const change = textElement('button', t('manage.changeType'), 'secondary');
    const remove = textElement('button', t('manage.remove'), 'danger');
    const buttons = [change, remove];
    // Each button says whose it is to a screen reader ("Remove, Marta Ruiz").
    const label = (button: HTMLButtonElement) => button.setAttribute('aria-label', `${button.textContent}: ${member.displayName}`);
    change.addEventListener('click', async () => {
      // The options are the types the member's kind may hold (typesFor).
      const type = select.value as ChangeMemberTypeBodyInput['type'];
      if (type === member.type) return;
      const own = member.userId === manager.me;
      if (own && !(await confirmLowering(member.type, type))) return;
      const changed = await busy(buttons, () =>
        apiPatch(`${base}/members/${encodeURIComponent(member.userId)}`, { type } satisfies ChangeMemberTypeBodyInput).then(() => true),
      );
      if (!changed) return;
      // My own type changed: the whole TwinSpace (its tabs, this very list) may now be different.
      if (own) return manager.reloadWith(fill('manage.typeChanged', { name: member.displayName, type: typeName(type) }));
      await manager.refresh();
      showStatus(fill('manage.typeChanged', { name: member.displayName, type: typeName(type) }));
      element('roster-heading').focus();
    });
    remove.addEventListener('click', async () => {
      if (!confirm(fill('manage.confirmRemove', { name: member.displayName }))) return;
      const removed = await busy(buttons, () => apiDelete(`${base}/members/${encodeURIComponent(member.userId)}`).then(() => true));
      if (!removed) return;
      await manager.refresh();
      showStatus(fill('manage.removed', { name: member.displayName }));
      element('roster-heading').focus();
    });
    controls.append(select, change);
    if (member.kind === 'pupil') {
      const reset = textElement('button', t('manage.resetPassword'), 'secondary');
      buttons.push(reset);
      reset.addEventListener('click', async () => {
        if (!confirm(fill('manage.confirmReset', { name: member.displayName }))) return;
        forgetSecret();
        const answer = await busy(buttons, () =>
          apiPost<PasswordResetResponse>(`${base}/members/${encodeURIComponent(member.userId)}/password-reset`),
        );
        if (answer) showSecret(member.displayName, answer.username, answer.oneTimePassword);
      });
      controls.append(reset);
    }
    controls.append(remove);
    buttons.forEach((button) => {
      button.type = 'button';
      label(button);
    });
    item.append(controls);
    return item;
  }
}

/**
 * Lowering one's own type: what the policy table allows now and not after is
 * said first, in the kit's confirm dialog. Nothing lost (a raise): no question.
 */
async function confirmLowering(from: MembersPage['items'][number]['type'], to: MembersPage['items'][number]['type']): Promise<boolean> {
  const lost = actionsLost(from, to).map((action) => t(`action.${action}` as MessageKey));
  if (lost.length === 0) return true;
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(lost);
  return askConfirm(fill('members.confirmLower', { type: typeName(to), lost: list }), t('members.lower'), t('home.cancel'));
}

function flagEmpty(form: HTMLFormElement, field: string) {
  const slot = form.querySelector<HTMLElement>(`[data-field-error="${field}"]`);
  if (slot) {
    slot.textContent = t('newProject.required');
    slot.hidden = false;
  }
  const input = form.querySelector<HTMLElement>(`[data-field="${field}"]`);
  input?.setAttribute('aria-invalid', 'true');
  input?.focus();
}
