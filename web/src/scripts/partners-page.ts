/**
 * Partner search: GET /partners with the filters, a page at a time (the
 * cursor of the last answer gives the next page). The filters live in the
 * address too, so a reload or a shared link shows the same search.
 */
import type { PartnersPage } from '../../../functions/http/desktop/schemas.ts';
import type { MeWithProjectsResponse } from '../../../functions/http/projects/schemas.ts';
import { apiGet } from './api.ts';
import { busy, deskUrl, element, fieldValue, flagField, focusFirstProblem, isAgeText, setField } from './desk.ts';
import { fill, requireSession, showError, t, textElement } from './page.ts';
import { counted } from './counted.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const filterNames = ['country', 'subject', 'age', 'language'] as const;
/** A filtered page can come back short or even empty; follow the cursor a few times before showing "nothing". */
const emptyPagesFollowed = 5;

const session = requireSession();
const form = element<HTMLFormElement>('partner-form');
const list = element<HTMLUListElement>('partner-list');
const nextButton = element<HTMLButtonElement>('next-page');

let filters = new URLSearchParams();
/** A country code as the picker names it (its option's text), else the code. */
const countryName = (code: string) =>
  Array.from(element<HTMLSelectElement>('filter-country').options).find((option) => option.value === code)?.textContent ?? code;
let nextCursor: string | null = null;

function fact(list: HTMLDListElement, term: string, value: string | undefined) {
  if (!value) return;
  list.append(textElement('dt', term), textElement('dd', value));
}

function partnerItem(partner: PartnersPage['items'][number]): HTMLLIElement {
  const item = document.createElement('li');
  item.append(textElement('h3', partner.displayName));
  const facts = document.createElement('dl');
  facts.className = 'facts';
  fact(facts, t('partners.country'), countryName(partner.country));
  fact(facts, t('partners.school'), partner.school);
  fact(facts, t('partners.subjects'), partner.subjects.join(', '));
  fact(facts, t('partners.languages'), partner.languages.join(', '));
  fact(facts, t('partners.ages'), partner.ages && fill('desk.years', { min: String(partner.ages.min), max: String(partner.ages.max) }));
  item.append(facts);
  if (partner.about) item.append(textElement('p', partner.about, 'muted'));
  const write = textElement('a', fill('partners.writeTo', { name: partner.displayName }), 'button-link');
  write.href = deskUrl('mail', { compose: '1', to: partner.userId, name: partner.displayName });
  item.append(write);
  return item;
}

/** One page of results (following empty filtered pages), shown in place of the last. */
async function showPage(cursor: string | null) {
  let page: PartnersPage;
  let follows = 0;
  do {
    const query = new URLSearchParams(filters);
    query.set('limit', '10');
    if (cursor) query.set('cursor', cursor);
    page = await apiGet<PartnersPage>(`/partners?${query}`);
    cursor = page.nextCursor;
  } while (page.items.length === 0 && cursor && ++follows < emptyPagesFollowed);
  nextCursor = page.nextCursor;
  list.replaceChildren(...page.items.map(partnerItem));
  element('results-count').textContent = page.items.length ? counted(page.items.length, { one: 'partners.found.one', other: 'partners.found' }) : t('partners.none');
  nextButton.hidden = !nextCursor;
  element('results').hidden = false;
  element('results-heading').focus();
}

/** The filters as typed, or undefined when one needs fixing first (flagged next to it). */
function readFilters(): URLSearchParams | undefined {
  const query = new URLSearchParams();
  let fine = true;
  const country = fieldValue(form, 'country').toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) {
    flagField(form, 'country', 'desk.countryInvalid');
    fine = false;
  }
  const age = fieldValue(form, 'age');
  if (age && !isAgeText(age)) {
    flagField(form, 'age', 'desk.ageInvalid');
    fine = false;
  }
  const values = { country, subject: fieldValue(form, 'subject'), age, language: fieldValue(form, 'language').toLowerCase() };
  for (const name of filterNames) if (values[name]) query.set(name, values[name]);
  return fine ? query : undefined;
}

async function search(button?: HTMLButtonElement) {
  const done = button ? busy(button, 'partners.searching') : () => {};
  try {
    await showPage(null);
  } catch (error) {
    if (showFieldProblems(form, error)) {
      showError(t('desk.checkFields'));
      focusFirstProblem(form);
    } else {
      reportFailure(error);
    }
  } finally {
    done();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFieldProblems(form);
  const query = readFilters();
  if (!query) {
    showError(t('desk.checkFields'));
    focusFirstProblem(form);
    return;
  }
  filters = query;
  history.replaceState(null, '', `${location.pathname}${query.size ? `?${query}` : ''}`);
  void search(form.querySelector('button')!);
});

nextButton.addEventListener('click', () => {
  if (!nextCursor) return;
  const done = busy(nextButton, 'partners.searching');
  showPage(nextCursor)
    .catch(reportFailure)
    .finally(done);
});

async function load() {
  const me = await apiGet<MeWithProjectsResponse>('/me');
  if (me.kind !== 'teacher') {
    element('partners-refused').hidden = false;
    return;
  }
  element('partners').hidden = false;
  const given = new URLSearchParams(location.search);
  if (filterNames.some((name) => given.has(name))) {
    filterNames.forEach((name) => setField(form, name, given.get(name) ?? ''));
    filters = readFilters() ?? new URLSearchParams();
    await search();
  }
}

if (session) {
  load()
    .catch(reportFailure)
    .finally(() => (element('partners-loading').hidden = true));
}
