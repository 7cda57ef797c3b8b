/**
 * The agenda page: upcoming events by start time (from the start of the
 * reader's today), dates in the reader's locale and time zone; the public
 * iCalendar feed; teachers add, edit (versioned: a stale edit keeps what was
 * typed) and delete events while the project is open.
 */
import { mayAtAll } from '../../../functions/domain/policy.ts';
import type { AgendaEventBodyInput, AgendaEventResponse, AgendaEventUpdateBodyInput, AgendaPage } from '../../../functions/http/agenda/schemas.ts';
import { ApiError, apiDelete, apiPost, apiPut } from './api.ts';
import { busy, button, element, focusFirstProblem, markField, openAreaPage, pager, readerLocale, readerTimeZone } from './agenda-mailbox.ts';
import { loadConfig, withoutTrailingSlash } from './config.ts';
import { clearError, fill, showError, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const list = element<HTMLUListElement>('event-list');
const more = element<HTMLButtonElement>('more-events');
const form = element<HTMLFormElement>('event-form');
const submit = element<HTMLButtonElement>('event-submit');
const cancel = element<HTMLButtonElement>('event-cancel');
const whenFormat = new Intl.DateTimeFormat(readerLocale, { dateStyle: 'full', timeStyle: 'short' });

let agendaPath = '';
let mayEdit = false;
/** The events shown, by id: an edit starts from (and a 409 refreshes) the version read here. */
const shown = new Map<string, AgendaEventResponse>();
let events = pager<AgendaPage>('', {});
/** The event being edited, with the version it was read at; undefined while adding. */
let editing: { eventId: string; version: number } | undefined;

/** The reader's midnight today, as an instant: events that started earlier today still show. */
function startOfToday(): string {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  return today.toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');
/** An instant as the reader's local date and time, for <input type=date|time>. */
function localParts(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}
/** A local date and time typed by the reader, as a UTC instant (the Date reads them in the reader's zone). */
const instantOf = (date: string, time: string) => new Date(`${date}T${time}`).toISOString();

function isHttps(link: string): boolean {
  try {
    return new URL(link).protocol === 'https:';
  } catch {
    return false;
  }
}

function eventItem(event: AgendaEventResponse): HTMLLIElement {
  const item = document.createElement('li');
  const titleId = `event-${event.eventId}`;
  const title = textElement('h3', event.title);
  title.id = titleId;
  const facts = document.createElement('dl');
  facts.className = 'facts';
  const fact = (term: string, detail: Node | string) => {
    const row = document.createElement('div');
    const value = document.createElement('dd');
    value.append(detail);
    row.append(textElement('dt', term), value);
    facts.append(row);
  };
  const when = textElement('time', whenFormat.formatRange(new Date(event.startsAt), new Date(event.endsAt)));
  when.dateTime = event.startsAt;
  fact(t('agenda.when'), when);
  if (event.location) fact(t('agenda.where'), event.location);
  if (event.link) {
    // The API accepts only https links; the page still links nothing else, whatever it reads.
    if (isHttps(event.link)) {
      const link = textElement('a', event.link);
      link.href = event.link;
      link.rel = 'noopener';
      fact(t('agenda.link'), link);
    } else fact(t('agenda.link'), fill('agenda.unsafeLink', { link: event.link }));
  }
  item.append(title, facts);
  if (event.description) item.append(textElement('p', event.description, 'event-description'));
  item.append(textElement('p', fill('agenda.addedBy', { name: event.createdBy.displayName }), 'muted'));
  if (!mayEdit) return item;

  const actions = document.createElement('div');
  actions.className = 'actions';
  const edit = button(t('agenda.edit'), 'secondary');
  const remove = button(t('agenda.delete'), 'danger');
  for (const control of [edit, remove]) control.setAttribute('aria-describedby', titleId);
  edit.addEventListener('click', () => startEditing(event));
  remove.addEventListener('click', () => void deleteEvent(event, remove));
  actions.append(edit, remove);
  item.append(actions);
  return item;
}

async function showNextPage() {
  const page = await events.next();
  for (const event of page) shown.set(event.eventId, event);
  list.append(...page.map(eventItem));
  more.hidden = events.done;
  element('no-events').hidden = list.childElementCount > 0;
}

async function reload() {
  events = pager<AgendaPage>(agendaPath, { from: startOfToday() });
  shown.clear();
  list.replaceChildren();
  await showNextPage();
}

function startEditing(event: AgendaEventResponse) {
  clearFieldProblems(form);
  editing = { eventId: event.eventId, version: event.version };
  const start = localParts(event.startsAt);
  const end = localParts(event.endsAt);
  const values: Record<string, string> = {
    title: event.title,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: event.location ?? '',
    link: event.link ?? '',
    description: event.description,
  };
  for (const [name, value] of Object.entries(values)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
  element('form-heading').textContent = fill('agenda.editing', { title: event.title });
  submit.textContent = t('agenda.saveEdit');
  cancel.hidden = false;
  element('form-heading').focus();
}

function stopEditing() {
  editing = undefined;
  element('form-heading').textContent = t('agenda.add');
  submit.textContent = t('agenda.save');
  cancel.hidden = true;
}

async function deleteEvent(event: AgendaEventResponse, control: HTMLButtonElement) {
  if (!confirm(fill('agenda.confirmDelete', { title: event.title }))) return;
  clearError();
  control.disabled = true;
  try {
    await apiDelete(`${agendaPath}/${encodeURIComponent(event.eventId)}`);
    if (editing?.eventId === event.eventId) {
      form.reset();
      stopEditing();
    }
    await reload();
    showStatus(fill('agenda.deleted', { title: event.title }));
    element('agenda-heading').focus();
  } catch (error) {
    control.disabled = false;
    reportFailure(error);
  }
}

/** The form as the API's body, or undefined after marking what is missing or wrong. */
function eventBody(): AgendaEventBodyInput | undefined {
  const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
  const problems: [string, string][] = [];
  if (!value('title')) problems.push(['title', t('agendaMailbox.required')]);
  if (!value('startDate') || !value('startTime')) problems.push(['startsAt', t('agendaMailbox.required')]);
  if (!value('endTime')) problems.push(['endsAt', t('agendaMailbox.required')]);
  if (value('link') && !isHttps(value('link'))) problems.push(['link', t('agenda.linkInvalid')]);
  const startsAt = problems.some(([field]) => field === 'startsAt') ? undefined : instantOf(value('startDate'), value('startTime'));
  const endsAt = value('endTime') && value('startDate') ? instantOf(value('endDate') || value('startDate'), value('endTime')) : undefined;
  if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) problems.push(['endsAt', t('agenda.endsBeforeStart')]);
  if (problems.length || !startsAt || !endsAt) {
    problems.forEach(([field, message]) => markField(form, field, message));
    showError(t('agendaMailbox.checkFields'));
    focusFirstProblem(form);
    return undefined;
  }
  const body: AgendaEventBodyInput = { title: value('title'), description: value('description'), startsAt, endsAt };
  if (value('location')) body.location = value('location');
  if (value('link')) body.link = value('link');
  return body;
}

/**
 * A 409 on an edit: when the event's version moved on, someone changed it
 * elsewhere: show it as it is now, keep what was typed, and let a second save
 * replace it. Any other conflict (the project closed meanwhile) says its own why.
 */
async function afterConflict(eventId: string, error: unknown) {
  const readVersion = editing?.version;
  await reload();
  const current = shown.get(eventId);
  if (!current || current.version === readVersion) return reportFailure(error);
  if (editing) editing.version = current.version;
  showError(t('agenda.changedElsewhere'));
  element('form-heading').focus();
}

form.addEventListener('submit', async (submitted) => {
  submitted.preventDefault();
  clearFieldProblems(form);
  showStatus('');
  const body = eventBody();
  if (!body) return;
  const done = busy(submit, 'common.busy');
  const edited = editing;
  try {
    const saved = edited
      ? await apiPut<AgendaEventResponse>(`${agendaPath}/${encodeURIComponent(edited.eventId)}`, { ...body, version: edited.version } satisfies AgendaEventUpdateBodyInput)
      : await apiPost<AgendaEventResponse>(agendaPath, body);
    form.reset();
    done();
    stopEditing();
    await reload();
    showStatus(fill(edited ? 'agenda.saved' : 'agenda.added', { title: saved.title }));
    element('agenda-heading').focus();
  } catch (error) {
    done();
    if (edited && error instanceof ApiError && error.status === 409) {
      await afterConflict(edited.eventId, error).catch(reportFailure);
    } else if (edited && error instanceof ApiError && error.status === 404) {
      // Deleted meanwhile: what was typed stays, and can be added as a new event.
      stopEditing();
      showError(t('agenda.gone'));
      await reload().catch(reportFailure);
    } else if (showFieldProblems(form, error)) {
      showError(t('agendaMailbox.checkFields'));
      focusFirstProblem(form);
    } else reportFailure(error);
  }
});

cancel.addEventListener('click', () => {
  form.reset();
  clearFieldProblems(form);
  stopEditing();
  submit.focus();
});

openAreaPage('agenda.titleOf', async (project, projectId) => {
  agendaPath = `/projects/${encodeURIComponent(projectId)}/agenda`;
  mayEdit = project.state === 'approved' && !!project.myType && mayAtAll(project.myType, 'edit-agenda');
  element('time-zone').textContent = fill('agenda.timeZone', { zone: readerTimeZone });
  element('inputs-hint').textContent = fill('agenda.inputsHint', { zone: readerTimeZone });
  const config = await loadConfig();
  element<HTMLAnchorElement>('calendar-link').href = `${withoutTrailingSlash(config.api)}/public/projects/${encodeURIComponent(projectId)}/agenda.ics`;
  more.addEventListener('click', () => showNextPage().catch(reportFailure));
  await reload();
  // No write control at all for those who may not edit (or while the project is closed).
  if (mayEdit) element('event-editor').hidden = false;
  else element('event-editor').remove();
});
