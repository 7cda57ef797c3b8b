/**
 * The NSS page: GET /nss/projects?state=pending-approval, page by page, and
 * for each project Approve, or Reject with a reason (POST .../approval).
 */
import { apiGet, apiPost, type Page, type Project } from './api.ts';
import { fill, requireSession, showStatus, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';

const session = requireSession();
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = element<HTMLUListElement>('waiting-list');
const more = element<HTMLButtonElement>('more-waiting');
let cursor: string | null = null;

function button(label: string, className?: string): HTMLButtonElement {
  const made = textElement('button', label, className);
  made.type = 'button';
  return made;
}

function render(project: Project) {
  const item = document.createElement('li');
  const key = project.projectId;
  const title = textElement('h3', project.title);
  title.id = `project-${key}`;
  item.append(title);
  if (project.description) item.append(textElement('p', project.description));
  if (project.founders?.length) {
    const founders = project.founders.map((founder) => `${founder.displayName} (${founder.country})`).join(', ');
    item.append(textElement('p', `${t('nss.founders')}: ${founders}`, 'muted'));
  }

  const actions = document.createElement('div');
  actions.className = 'actions';
  const approve = button(t('nss.approve'));
  const reject = button(t('nss.reject'), 'danger');
  for (const action of [approve, reject]) action.setAttribute('aria-describedby', title.id);
  actions.append(approve, reject);

  // Rejecting asks for the reason first, in a small form that opens in place.
  const reasonForm = document.createElement('form');
  reasonForm.hidden = true;
  reasonForm.noValidate = true;
  const field = document.createElement('div');
  field.className = 'field';
  const label = textElement('label', t('nss.reason'));
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
  const confirmReject = textElement('button', t('nss.confirmReject'), 'danger');
  confirmReject.type = 'submit';
  const cancel = button(t('nss.cancel'), 'secondary');
  const formActions = document.createElement('div');
  formActions.className = 'actions';
  formActions.append(confirmReject, cancel);
  reasonForm.append(field, formActions);
  item.append(actions, reasonForm);

  const decide = async (approved: boolean, why?: string) => {
    const controls = [approve, reject, confirmReject, cancel];
    controls.forEach((control) => (control.disabled = true));
    try {
      await apiPost(`/projects/${encodeURIComponent(key)}/approval`, approved ? { approve: true } : { approve: false, reason: why });
      item.remove();
      element('none-waiting').hidden = list.children.length > 0;
      showStatus(fill(approved ? 'nss.approved' : 'nss.rejected', { title: project.title }));
      element('waiting-heading').focus();
    } catch (error) {
      controls.forEach((control) => (control.disabled = false));
      reportFailure(error);
    }
  };

  approve.addEventListener('click', () => decide(true));
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
      problem.textContent = t('nss.reasonMissing');
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
  const query = new URLSearchParams({ state: 'pending-approval', limit: '20' });
  if (cursor) query.set('cursor', cursor);
  const page = await apiGet<Page<Project>>(`/nss/projects?${query}`);
  page.items.forEach(render);
  cursor = page.nextCursor;
  more.hidden = !cursor;
  element('none-waiting').hidden = list.children.length > 0;
}

if (session) {
  more.addEventListener('click', () => loadMore().catch(reportFailure));
  loadMore()
    .catch(reportFailure)
    .finally(() => (element('nss-loading').hidden = true));
}
