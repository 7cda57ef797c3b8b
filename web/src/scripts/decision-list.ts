/**
 * The NSS's lists of what waits for its decision (projects to approve,
 * teachers to validate): read page by page, and for each entry Approve, or
 * Reject with a reason asked for first in a small form that opens in place.
 */
import type { ApprovalBodyInput } from '../../../functions/http/projects/schemas.ts';
import type { ValidationBodyInput } from '../../../functions/http/registrations/schemas.ts';
import type { MessageKey } from '../i18n/index.ts';
import { apiGet, apiPost } from './api.ts';
import { requireSession, showStatus, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';

/** `Paged` is the list GET's page schema type (NssProjectsPage, PendingTeachersPage); its entries are what the NSS decides on. */
export interface DecisionList<Paged extends { items: unknown[]; nextCursor: string | null }, T = Paged['items'][number]> {
  /** The ids of the page's list, its "Show more" button, its "nothing waits" line, its heading and its loading line. */
  ids: { list: string; more: string; none: string; heading: string; loading: string };
  /** The GET that lists what waits, and its filter. */
  path: string;
  filter: Record<string, string>;
  keyOf(entry: T): string;
  /** Adds what the NSS decides on to the item; answers the heading that names it. */
  describe(entry: T, item: HTMLLIElement): HTMLElement;
  /** The POST that takes the decision. */
  decisionPath(key: string): string;
  words: { approve: MessageKey; reject: MessageKey; reason: MessageKey; confirmReject: MessageKey; cancel: MessageKey; reasonMissing: MessageKey };
  /** What is announced once the decision is taken. */
  decided(entry: T, approved: boolean): string;
}

function button(label: string, className?: string): HTMLButtonElement {
  const made = textElement('button', label, className);
  made.type = 'button';
  return made;
}

export function showDecisionList<Paged extends { items: unknown[]; nextCursor: string | null }>(options: DecisionList<Paged>): void {
  const session = requireSession();
  const element = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;
  const { ids, words } = options;
  const list = element<HTMLUListElement>(ids.list);
  const more = element<HTMLButtonElement>(ids.more);
  let cursor: string | null = null;

  function render(entry: Paged['items'][number]) {
    const item = document.createElement('li');
    const key = options.keyOf(entry);
    const heading = options.describe(entry, item);

    const actions = document.createElement('div');
    actions.className = 'actions';
    const approve = button(t(words.approve));
    const reject = button(t(words.reject), 'danger');
    for (const action of [approve, reject]) action.setAttribute('aria-describedby', heading.id);
    actions.append(approve, reject);

    // Rejecting asks for the reason first, in a small form that opens in place.
    const reasonForm = document.createElement('form');
    reasonForm.hidden = true;
    reasonForm.noValidate = true;
    const field = document.createElement('div');
    field.className = 'field';
    const label = textElement('label', t(words.reason));
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
    const confirmReject = textElement('button', t(words.confirmReject), 'danger');
    confirmReject.type = 'submit';
    const cancel = button(t(words.cancel), 'secondary');
    const formActions = document.createElement('div');
    formActions.className = 'actions';
    formActions.append(confirmReject, cancel);
    reasonForm.append(field, formActions);
    item.append(actions, reasonForm);

    const decide = async (approved: boolean, why?: string) => {
      const controls = [approve, reject, confirmReject, cancel];
      controls.forEach((control) => (control.disabled = true));
      try {
        // The same body for a project's approval and a teacher's validation.
        await apiPost(options.decisionPath(key), (approved ? { approve: true } : { approve: false, reason: why }) satisfies ApprovalBodyInput & ValidationBodyInput);
        item.remove();
        element(ids.none).hidden = list.children.length > 0;
        showStatus(options.decided(entry, approved));
        element(ids.heading).focus();
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
        problem.textContent = t(words.reasonMissing);
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
    const query = new URLSearchParams({ ...options.filter, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const page = await apiGet<Paged>(`${options.path}?${query}`);
    page.items.forEach(render);
    cursor = page.nextCursor;
    more.hidden = !cursor;
    element(ids.none).hidden = list.children.length > 0;
  }

  if (session) {
    more.addEventListener('click', () => loadMore().catch(reportFailure));
    loadMore()
      .catch(reportFailure)
      .finally(() => (element(ids.loading).hidden = true));
  }
}
