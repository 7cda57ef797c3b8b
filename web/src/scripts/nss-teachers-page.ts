/**
 * The NSS's teachers page: GET /nss/teachers?status=pending, page by page,
 * and for each teacher Validate, or Reject with a reason
 * (POST /nss/teachers/{userId}/validation).
 */
import { apiGet, apiPost, type Page } from './api.ts';
import { fill, language, requireSession, showStatus, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';

interface PendingTeacher {
  userId: string;
  displayName: string;
  email: string;
  country: string;
  schoolName: string;
  city: string;
  registeredAt: string;
}

const session = requireSession();
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = element<HTMLUListElement>('teachers-list');
const more = element<HTMLButtonElement>('more-teachers');
const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
let cursor: string | null = null;

function button(label: string, className?: string): HTMLButtonElement {
  const made = textElement('button', label, className);
  made.type = 'button';
  return made;
}

function render(teacher: PendingTeacher) {
  const item = document.createElement('li');
  const key = teacher.userId;
  const name = textElement('h3', teacher.displayName);
  name.id = `teacher-${key}`;
  item.append(
    name,
    textElement('p', `${t('nssTeachers.school')}: ${teacher.schoolName}, ${teacher.city}`),
    textElement('p', `${t('nssTeachers.email')}: ${teacher.email}`),
    textElement('p', `${t('nssTeachers.registered')}: ${dateFormat.format(new Date(teacher.registeredAt))}`, 'muted'),
  );

  const actions = document.createElement('div');
  actions.className = 'actions';
  const validate = button(t('nssTeachers.validate'));
  const reject = button(t('nssTeachers.reject'), 'danger');
  for (const action of [validate, reject]) action.setAttribute('aria-describedby', name.id);
  actions.append(validate, reject);

  // Rejecting asks for the reason first, in a small form that opens in place.
  const reasonForm = document.createElement('form');
  reasonForm.hidden = true;
  reasonForm.noValidate = true;
  const field = document.createElement('div');
  field.className = 'field';
  const label = textElement('label', t('nssTeachers.reason'));
  label.htmlFor = `reason-${key}`;
  const reason = document.createElement('textarea');
  reason.id = `reason-${key}`;
  reason.required = true;
  reason.maxLength = 2000;
  const problem = textElement('p', '', 'field-error');
  problem.id = `reason-error-${key}`;
  problem.hidden = true;
  reason.setAttribute('aria-describedby', problem.id);
  field.append(label, reason, problem);
  const confirmReject = textElement('button', t('nssTeachers.confirmReject'), 'danger');
  confirmReject.type = 'submit';
  const cancel = button(t('nssTeachers.cancel'), 'secondary');
  const formActions = document.createElement('div');
  formActions.className = 'actions';
  formActions.append(confirmReject, cancel);
  reasonForm.append(field, formActions);
  item.append(actions, reasonForm);

  const decide = async (approve: boolean, why?: string) => {
    const controls = [validate, reject, confirmReject, cancel];
    controls.forEach((control) => (control.disabled = true));
    try {
      await apiPost(`/nss/teachers/${encodeURIComponent(key)}/validation`, approve ? { approve: true } : { approve: false, reason: why });
      item.remove();
      element('no-teachers').hidden = list.children.length > 0;
      showStatus(fill(approve ? 'nssTeachers.validated' : 'nssTeachers.rejected', { name: teacher.displayName }));
      element('teachers-heading').focus();
    } catch (error) {
      controls.forEach((control) => (control.disabled = false));
      reportFailure(error);
    }
  };

  validate.addEventListener('click', () => decide(true));
  reject.addEventListener('click', () => {
    reasonForm.hidden = false;
    actions.hidden = true;
    reason.focus();
  });
  cancel.addEventListener('click', () => {
    reasonForm.hidden = true;
    actions.hidden = false;
    reject.focus();
  });
  reasonForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const why = reason.value.trim();
    if (!why) {
      problem.textContent = t('nssTeachers.reasonMissing');
      problem.hidden = false;
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    problem.hidden = true;
    reason.removeAttribute('aria-invalid');
    void decide(false, why);
  });
  list.append(item);
}

async function loadMore() {
  const query = new URLSearchParams({ status: 'pending', limit: '20' });
  if (cursor) query.set('cursor', cursor);
  const page = await apiGet<Page<PendingTeacher>>(`/nss/teachers?${query}`);
  page.items.forEach(render);
  cursor = page.nextCursor;
  more.hidden = !cursor;
  element('no-teachers').hidden = list.children.length > 0;
}

if (session) {
  more.addEventListener('click', () => loadMore().catch(reportFailure));
  loadMore()
    .catch(reportFailure)
    .finally(() => (element('teachers-loading').hidden = true));
}
