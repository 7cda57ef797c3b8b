/**
 * The resource library page: search by words (title, description, tags, in
 * either language, any case or accents: the API normalises), tag and
 * language, page by page. A
 * resource's address is a person's input: it becomes a link only when it is
 * https:, otherwise it is shown as text. The NSS sees the "add" form.
 */
import type { ResourceCreateBodyInput, ResourceResponse, ResourcesPage } from '../../../functions/http/community/schemas.ts';
import { apiPost } from './api.ts';
import { element, isSafeLink, markProblem, openCommunityPage, pager, sendForm } from './community.ts';
import { fill, requireSession, showStatus, t, textElement } from './page.ts';
import { counted } from './counted.ts';
import { clearFieldProblems, reportFailure, showFieldProblems } from './problems.ts';

const session = requireSession();
const list = element<HTMLUListElement>('resource-list');
const more = element<HTMLButtonElement>('more-resources');
let results = pager<ResourcesPage>('/resources');

function resourceItem(resource: ResourceResponse): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h3');
  if (isSafeLink(resource.url)) {
    const link = textElement('a', resource.title);
    link.href = resource.url;
    link.rel = 'noopener noreferrer';
    heading.append(link);
  } else heading.textContent = resource.title;
  item.append(heading);
  if (!isSafeLink(resource.url)) item.append(textElement('p', fill('resources.unsafeLink', { url: resource.url }), 'muted'));
  if (resource.description) item.append(textElement('p', resource.description));
  const facts = document.createElement('p');
  facts.className = 'muted';
  facts.append(`${t('resources.tags')}: `);
  resource.tags.forEach((tag, index) => facts.append(index ? ' ' : '', textElement('span', tag, 'badge')));
  facts.append(` · ${t('community.language')}: ${resource.language} · ${fill('resources.addedBy', { name: resource.addedBy })}`);
  item.append(facts);
  return item;
}

/** A search by words filters its pages on the server: one can come back empty with more to follow; follow a few. */
const emptyPagesFollowed = 5;

async function showNextPage() {
  let page = await results.next();
  for (let follows = 0; page.length === 0 && !results.done && follows < emptyPagesFollowed; follows++) page = await results.next();
  list.append(...page.map(resourceItem));
  more.hidden = results.done;
  element('no-resources').hidden = list.childElementCount > 0;
}

async function search(filter: { q?: string; tag?: string; language?: string }) {
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value) as [string, string][]);
  results = pager<ResourcesPage>(`/resources${query.size ? `?${query}` : ''}`);
  list.replaceChildren();
  await showNextPage();
}

function setUpFilter() {
  const form = element<HTMLFormElement>('resource-filter');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    const data = new FormData(form);
    const q = String(data.get('q') ?? '').trim();
    const tag = String(data.get('tag') ?? '').trim();
    const language = String(data.get('language') ?? '').trim();
    const problems: [string, string][] = [];
    if (tag && !/^[\p{L}\p{N}][\p{L}\p{N}\s-]{0,39}$/u.test(tag)) problems.push(['tag', t('resources.tagInvalid')]);
    if (language && !/^[a-zA-Z]{2}$/.test(language)) problems.push(['language', t('community.languageInvalid')]);
    if (problems.length) {
      problems.forEach(([field, message]) => markProblem(form, field, message));
      form.querySelector<HTMLElement>(`[data-field="${problems[0][0]}"]`)!.focus();
      return;
    }
    try {
      await search({ q, tag, language });
      showStatus(counted(list.childElementCount, { one: 'resources.found.one', other: 'resources.found' }));
    } catch (error) {
      if (!showFieldProblems(form, error)) reportFailure(error);
    }
  });
}

function setUpCurateForm() {
  const form = element<HTMLFormElement>('resource-form');
  const problem = (field: string, message: string) => markProblem(form, field, message);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldProblems(form);
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      title: value('title'),
      url: value('url'),
      description: value('description'),
      tags: value('tags').split(',').map((tag) => tag.trim()).filter(Boolean),
      language: value('language'),
    } satisfies ResourceCreateBodyInput;
    const problems: [string, string][] = [];
    if (!body.title) problems.push(['title', t('community.required')]);
    if (!isSafeLink(body.url)) problems.push(['url', t('resources.urlInvalid')]);
    if (!body.tags.length) problems.push(['tags', t('community.required')]);
    if (!/^[a-zA-Z]{2}$/.test(body.language)) problems.push(['language', t('community.languageInvalid')]);
    if (problems.length) {
      problems.forEach(([field, message]) => problem(field, message));
      form.querySelector<HTMLElement>(`[data-field="${problems[0][0]}"]`)!.focus();
      return;
    }
    await sendForm(form, async () => {
      const added = await apiPost<ResourceResponse>('/resources', body);
      form.reset();
      await search({});
      showStatus(fill('resources.added', { title: added.title }));
    });
  });
}

if (session) {
  more.addEventListener('click', () => showNextPage().catch(reportFailure));
  setUpFilter();
  setUpCurateForm();
  openCommunityPage('resources', (me) => {
    element('curate').hidden = me.kind !== 'nss';
    return showNextPage();
  });
}
