/**
 * The NSS's inbox of doubts: GET /nss/diary?status=unanswered page by page
 * (oldest first); each doubt links to its project's diary, where the NSS answers.
 */
import type { NssDiaryPage } from '../../../functions/http/diary/schemas.ts';
import { apiGet } from './api.ts';
import { fill, pageUrl, requireSession, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';
import { when } from './dates.ts';
import { whenKindAllows } from './kind-gate.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const session = requireSession();
const list = element<HTMLUListElement>('doubt-list');
const more = element<HTMLButtonElement>('more-doubts');
let cursor: string | null = null;


function render(doubt: NssDiaryPage['items'][number]): void {
  const item = document.createElement('li');
  const heading = textElement('h3', doubt.title);
  heading.id = `doubt-${doubt.entryId}`;
  const answer = textElement('a', t('doubts.answer'));
  answer.href = `${pageUrl('twinspace/diary', { id: doubt.projectId })}#entry-${doubt.entryId}`;
  answer.setAttribute('aria-describedby', heading.id);
  item.append(
    heading,
    textElement('p', fill('doubts.inProject', { title: doubt.projectTitle })),
    textElement('p', fill('diary.by', { name: doubt.author.displayName, country: doubt.author.country, date: when(doubt.createdAt) }), 'muted'),
    answer,
  );
  list.append(item);
}

async function loadMore(): Promise<void> {
  const query = new URLSearchParams({ status: 'unanswered', limit: '20' });
  if (cursor) query.set('cursor', cursor);
  const page = await apiGet<NssDiaryPage>(`/nss/diary?${query}`);
  page.items.forEach(render);
  cursor = page.nextCursor;
  more.hidden = !cursor;
  element('no-doubts').hidden = list.children.length > 0;
}

// Only NSS officers see the inbox (KindOnly): nobody else fires a request the API must refuse.
if (session) {
  void whenKindAllows('nss-doubts').then((allowed) => {
    if (!allowed) return;
    more.addEventListener('click', () => loadMore().catch(reportFailure));
    loadMore()
      .catch(reportFailure)
      .finally(() => (element('doubts-loading').hidden = true));
  });
}
