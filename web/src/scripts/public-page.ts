/**
 * A project's public page: anyone may read it, so it asks for no session and
 * sends no token (apiGetPublic). Everything the API answers is set as text.
 * The first answer fills every part (labels, pages, public diary entries);
 * "show more" asks again with the one cursor of its list and keeps that part.
 */
import type { PublicProjectResponse } from '../../../functions/http/pages/schemas.ts';
import type { MessageKey } from '../i18n/index.ts';
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
  article.append(textElement('h3', page.title), textElement('p', fill('publicPage.publishedOn', { date: longDate(page.publishedAt) }), 'muted'), textElement('div', page.body, 'page-text'));
  return article;
}

type PublicEntry = PublicProjectResponse['diary']['items'][number];
type PublicLabel = PublicProjectResponse['labels'][number];

const longDate = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));

/** A known key's translation, or the value itself (a kind this page does not know yet). */
const word = (key: string, value: string) => {
  const text = t(key as MessageKey);
  return text === key ? value : text;
};

/** A granted label as a badge: its level in words (not told apart by colour alone) and the granting country. */
function labelBadge(label: PublicLabel): HTMLLIElement {
  const item = document.createElement('li');
  item.className = `label-badge ${label.level}`;
  const name = document.createElement('strong');
  const star = textElement('span', '★ ');
  star.setAttribute('aria-hidden', 'true');
  name.append(star, t(`publicPage.label.${label.level}`));
  item.append(name, textElement('span', fill('publicPage.labelDetail', { country: displayName(label.country, 'region'), year: label.schoolYear })));
  return item;
}

function showLabels(labels: PublicLabel[]) {
  element('public-labels').replaceChildren(...labels.map(labelBadge));
  element('public-labels-section').hidden = labels.length === 0;
}

/** A public diary entry: its kind, date and text, and the replies by role (NSS or teacher), never by name. */
function entryArticle(entry: PublicEntry): HTMLElement {
  const article = document.createElement('article');
  const heading = textElement('h3', entry.title);
  const tags = document.createElement('p');
  tags.className = 'actions';
  tags.append(textElement('span', `${t('publicPage.entryKind')}:`, 'visually-hidden'), textElement('span', word(`diary.kind.${entry.kind}`, entry.kind), 'badge'));
  if (entry.kind === 'doubt') tags.append(textElement('span', entry.answeredAt ? t('diary.answered') : t('diary.waiting'), 'muted'));
  article.append(heading, tags, textElement('p', fill('publicPage.writtenOn', { date: longDate(entry.createdAt) }), 'muted'), textElement('div', entry.body, 'page-text'));
  if (entry.replies.length > 0) {
    const replies = document.createElement('ul');
    replies.className = 'plain public-replies';
    replies.setAttribute('aria-label', fill('publicPage.replies', { title: entry.title }));
    replies.append(
      ...entry.replies.map((reply) => {
        const item = document.createElement('li');
        item.append(textElement('p', fill(`publicPage.reply.${reply.role}`, { date: longDate(reply.createdAt) }), 'muted'), textElement('div', reply.body, 'page-text'));
        return item;
      }),
    );
    article.append(replies);
  }
  return article;
}

function showDiary(diary: PublicProjectResponse['diary']) {
  const list = element('public-diary');
  list.append(...diary.items.map(entryArticle));
  element('public-diary-none').hidden = list.childElementCount > 0;
  const more = element<HTMLButtonElement>('public-diary-more');
  more.hidden = !diary.nextCursor;
  more.onclick = async () => {
    const label = more.textContent;
    more.disabled = true;
    more.textContent = t('common.busy');
    try {
      const next = await apiGetPublic<PublicProjectResponse>(`${publicPath}?${new URLSearchParams({ limit: '10', diaryCursor: diary.nextCursor ?? '' })}`);
      showDiary(next.diary);
    } catch (error) {
      reportFailure(error);
    } finally {
      more.disabled = false;
      more.textContent = label;
    }
  };
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
  showLabels(answer.labels);
  showPages(answer.pages);
  showDiary(answer.diary);
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
