/**
 * A project's public page: anyone may read it, so it asks for no session and
 * sends no token (apiGetPublic). Everything the API answers is set as text.
 */
import type { PublicProjectResponse } from '../../../functions/http/pages/schemas.ts';
import { ApiError, apiGetPublic } from './api.ts';
import { loadConfig, withoutTrailingSlash } from './config.ts';
import { fill, language, showError, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const projectId = new URLSearchParams(location.search).get('id');
const publicPath = `/public/projects/${encodeURIComponent(projectId ?? '')}`;

/** A language or country code in the reader's language; the code itself when the browser does not know it. */
function displayName(code: string, type: 'language' | 'region'): string {
  try {
    return new Intl.DisplayNames([language], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

function pageArticle(page: PublicProjectResponse['pages']['items'][number]): HTMLElement {
  const article = document.createElement('article');
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(page.publishedAt));
  article.append(textElement('h3', page.title), textElement('p', fill('publicPage.publishedOn', { date }), 'muted'), textElement('div', page.body, 'page-text'));
  return article;
}

function showPages(pages: PublicProjectResponse['pages']) {
  const list = element('public-pages');
  list.append(...pages.items.map(pageArticle));
  element('public-pages-none').hidden = list.childElementCount > 0;
  const more = element<HTMLButtonElement>('public-pages-more');
  more.hidden = !pages.nextCursor;
  more.onclick = async () => {
    const label = more.textContent;
    more.disabled = true;
    more.textContent = t('common.busy');
    try {
      const next = await apiGetPublic<PublicProjectResponse>(`${publicPath}?${new URLSearchParams({ limit: '10', cursor: pages.nextCursor ?? '' })}`);
      showPages(next.pages);
    } catch (error) {
      reportFailure(error);
    } finally {
      more.disabled = false;
      more.textContent = label;
    }
  };
}

async function show() {
  const [answer, config] = await Promise.all([apiGetPublic<PublicProjectResponse>(`${publicPath}?limit=10`), loadConfig()]);
  const { project } = answer;
  element('page-title').textContent = project.title;
  document.title = `${project.title} · ${t('publicPage.title')}`;
  element('public-closed').hidden = project.state !== 'closed';
  element('public-description').textContent = project.description;
  element('public-subjects').textContent = project.subjects.join(', ');
  element('public-ages').textContent = fill('publicPage.agesRange', { min: String(project.ages.min), max: String(project.ages.max) });
  element('public-languages').textContent = project.languages.map((code) => displayName(code, 'language')).join(', ');
  element('public-partners').replaceChildren(
    ...project.partners.map((partner) => {
      const country = displayName(partner.country, 'region');
      return textElement('li', partner.school ? `${partner.school} (${country})` : country);
    }),
  );
  element<HTMLAnchorElement>('public-agenda').href = `${withoutTrailingSlash(config.api)}${publicPath}/agenda.ics`;
  showPages(answer.pages);
  element('public-project').hidden = false;
}

const loading = element('public-loading');
if (!projectId) {
  loading.hidden = true;
  showError(t('publicPage.missingId'));
} else {
  show()
    .catch((error: unknown) => {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) showError(t('publicPage.notFound'));
      else reportFailure(error);
    })
    .finally(() => (loading.hidden = true));
}
