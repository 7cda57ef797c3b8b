/**
 * The encounters page: upcoming encounters, soonest first, each with its
 * date in the page's language and in the reader's own time zone, with the
 * zone's name (the API keeps UTC), seats left and my registration, and the
 * join link once I have a seat (https only, checked here again); register
 * (a seat or the waiting list) and cancel. The NSS sees the form to
 * organise one (and no register buttons).
 */
import type {
  EncounterCreateBodyInput,
  EncounterRegistrationResponse,
  EncounterResponse,
  EncountersPage,
} from '../../../functions/http/community/schemas.ts';
import type { MeWithProjectsResponse } from '../../../functions/http/projects/schemas.ts';
import { apiDelete, apiPost } from './api.ts';
import { element, isSafeLink, markProblem, openCommunityPage, pager, sendForm } from './community.ts';
import { clearError, fill, requireSession, showStatus, t, textElement } from './page.ts';
import { clearFieldProblems, reportFailure } from './problems.ts';
import { dateLocale, when } from './dates.ts';

const session = requireSession();
const list = element<HTMLUListElement>('encounter-list');
const more = element<HTMLButtonElement>('more-encounters');
let encounters = pager<EncountersPage>('/encounters');
let me: MeWithProjectsResponse | undefined;
const locale = dateLocale;
/** The reader's own time zone (the browser's), named in every time shown: "18:00 CET". */
/** The site's one date format (the kit's), followed by the zone's name at that date ("CET" or "CEST"). */
const zoneAt = (iso: string) =>
  new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(new Date(iso)).find((part) => part.type === 'timeZoneName')?.value;
const whenWithZone = (iso: string) => {
  const zone = zoneAt(iso);
  return zone ? `${when(iso)} (${zone})` : when(iso);
};
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const zoneName = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(new Date()).find((part) => part.type === 'timeZoneName')?.value;

function statusLine(encounter: EncounterResponse): string | undefined {
  const mine = encounter.myRegistration;
  if (mine?.status === 'seat') return t('encounters.haveSeat');
  if (mine?.status === 'waiting') return fill('encounters.waitingPosition', { position: String(mine.position) });
  return undefined;
}

async function act(buttons: HTMLButtonElement[], action: () => Promise<string>) {
  buttons.forEach((each) => (each.disabled = true));
  clearError();
  try {
    const said = await action();
    await reload();
    showStatus(said);
    element('encounter-list-heading').focus();
  } catch (error) {
    buttons.forEach((each) => (each.disabled = false));
    reportFailure(error);
  }
}

function encounterItem(encounter: EncounterResponse): HTMLLIElement {
  const item = document.createElement('li');
  const titleId = `encounter-${encounter.encounterId}`;
  const title = textElement('h3', encounter.title);
  title.id = titleId;
  const facts = document.createElement('dl');
  facts.className = 'facts';
  const fact = (term: string, value: string, dateTime?: string) => {
    const wrapper = document.createElement('div');
    const detail = document.createElement('dd');
    if (dateTime) {
      const time = textElement('time', value);
      time.dateTime = dateTime;
      detail.append(time);
    } else detail.textContent = value;
    wrapper.append(textElement('dt', term), detail);
    facts.append(wrapper);
  };
  fact(t('encounters.when'), whenWithZone(encounter.startsAt), encounter.startsAt);
  fact(t('community.language'), encounter.language);
  fact(t('encounters.organiser'), encounter.organiser);
  item.append(title, facts);
  if (encounter.description) item.append(textElement('p', encounter.description));
  item.append(
    textElement(
      'p',
      encounter.seatsLeft > 0
        ? fill('encounters.seatsLeft', { left: String(encounter.seatsLeft), seats: String(encounter.seats) })
        : fill('encounters.full', { waiting: String(encounter.waitingCount) }),
      'muted',
    ),
  );
  const said = statusLine(encounter);
  if (said) item.append(textElement('p', said, 'project-title'));
  if (encounter.joinUrl && isSafeLink(encounter.joinUrl)) {
    const join = textElement('a', fill('encounters.join', { title: encounter.title }), 'button-link join-link');
    join.href = encounter.joinUrl;
    join.rel = 'noopener noreferrer';
    const paragraph = document.createElement('p');
    paragraph.append(join);
    item.append(paragraph);
  } else if (me?.kind === 'teacher') item.append(textElement('p', t('encounters.linkWithSeat'), 'muted'));
  if (me?.kind !== 'teacher') return item;

  const actions = document.createElement('div');
  actions.className = 'actions';
  if (encounter.myRegistration) {
    const cancel = textElement('button', t('encounters.cancel'), 'secondary');
    cancel.type = 'button';
    cancel.setAttribute('aria-describedby', titleId);
    cancel.addEventListener('click', () =>
      act([cancel], async () => {
        await apiDelete(`/encounters/${encounter.encounterId}/registrations/${encodeURIComponent(me!.userId)}`);
        return fill('encounters.cancelled', { title: encounter.title });
      }),
    );
    actions.append(cancel);
  } else {
    const register = textElement('button', t(encounter.seatsLeft > 0 ? 'encounters.register' : 'encounters.joinWaiting'));
    register.type = 'button';
    register.setAttribute('aria-describedby', titleId);
    register.addEventListener('click', () =>
      act([register], async () => {
        const registration = await apiPost<EncounterRegistrationResponse>(`/encounters/${encounter.encounterId}/registrations`, {});
        return registration.status === 'seat'
          ? fill('encounters.registeredSeat', { title: encounter.title })
          : fill('encounters.registeredWaiting', { title: encounter.title, position: String(registration.position ?? '') });
      }),
    );
    actions.append(register);
  }
  item.append(actions);
  return item;
}

async function showNextPage() {
  const page = await encounters.next();
  list.append(...page.map(encounterItem));
  more.hidden = encounters.done;
  element('no-encounters').hidden = list.childElementCount > 0;
}

async function reload() {
  encounters = pager<EncountersPage>('/encounters');
  list.replaceChildren();
  await showNextPage();
}

function setUpOrganiseForm() {
  const form = element<HTMLFormElement>('encounter-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const seats = Number(value('seats'));
    const problems: [string, string][] = [];
    if (!value('title')) problems.push(['title', t('community.required')]);
    if (!value('startsAt')) problems.push(['startsAt', t('community.required')]);
    if (!Number.isInteger(seats) || seats < 1) problems.push(['seats', t('encounters.seatsInvalid')]);
    if (!/^[a-zA-Z]{2}$/.test(value('language'))) problems.push(['language', t('community.languageInvalid')]);
    if (!isSafeLink(value('joinUrl'))) problems.push(['joinUrl', t('encounters.joinUrlInvalid')]);
    if (problems.length) {
      problems.forEach(([field, message]) => markProblem(form, field, message));
      form.querySelector<HTMLElement>(`[data-field="${problems[0][0]}"]`)!.focus();
      return;
    }
    await sendForm(form, async () => {
      // datetime-local is the organiser's local time: the Date makes it an instant.
      const body: EncounterCreateBodyInput = {
        title: value('title'),
        startsAt: new Date(value('startsAt')).toISOString(),
        seats,
        language: value('language'),
        description: value('description'),
        joinUrl: value('joinUrl'),
      };
      const created = await apiPost<EncounterResponse>('/encounters', body);
      form.reset();
      await reload();
      showStatus(fill('encounters.created', { title: created.title }));
      element('encounter-list-heading').focus();
    });
  });
}

if (session) {
  more.addEventListener('click', () => showNextPage().catch(reportFailure));
  setUpOrganiseForm();
  element('starts-zone').textContent = fill('encounters.yourZone', { zone: zoneName && zoneName !== timeZone ? `${timeZone}, ${zoneName}` : timeZone });
  openCommunityPage('encounters', (account) => {
    me = account;
    element('organise').hidden = account.kind !== 'nss';
    return showNextPage();
  });
}
