/**
 * The NSS's inbox of doubts, a Preact island built from the kit, opened only
 * for NSS officers (KindOnly + kind-gate.ts: nobody else fires a request the
 * API must refuse): GET /nss/diary?status=unanswered page by page (oldest
 * first, "Show more"); each doubt links to its entry in the project's diary,
 * where the NSS answers.
 */
import type { NssDiaryPage } from '../../../../../functions/http/diary/schemas.ts';
import { useEffect, useState } from 'preact/hooks';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { readerLocale } from '../../../components/kit/format.ts';
import { Pager } from '../../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { ApiError, apiGet } from '../../common/api.ts';
import { fillParts } from '../../common/fill-parts.ts';
import { whenKindAllows } from '../../common/kind-gate.ts';
import { doubtAddress } from './nss-diary-page.ts';
import { fill, language, pageUrl, requireSession, t } from '../../common/page.ts';
import { explanation, reportFailure } from '../../common/problems.ts';

const locale = readerLocale(language, navigator.languages);
type Doubt = NssDiaryPage['items'][number];

export default function NssDiaryPage() {
  const [allowed, setAllowed] = useState(false);
  const [status, setStatus] = useState<Status>();
  const doubts = usePagedList<Doubt>((cursor) => {
    const query = new URLSearchParams({ status: 'unanswered', limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<NssDiaryPage>(`/nss/diary?${query}`);
  });
  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) reportFailure(error);
    else setStatus({ tone: 'error', text: explanation(error) });
  };

  useEffect(() => {
    if (!requireSession()) return;
    void whenKindAllows('nss-doubts').then((allows) => {
      setAllowed(allows);
      if (allows) doubts.reload().catch(failed);
    });
  }, []);

  return (
    <>
      {!doubts.loaded && !status && (
        <p id="doubts-loading" class="muted">
          {t('common.loading')}
        </p>
      )}
      {allowed && (
        <section class="card" aria-labelledby="doubts-heading">
          <h2 id="doubts-heading" tabindex={-1}>
            {t('doubts.title')}
          </h2>
          <StatusMessage status={status} />
          <ul id="doubt-list" class="plain decision-list">
            {doubts.items.map((doubt) => {
              const address = doubtAddress(doubt);
              return (
                <li key={doubt.entryId}>
                  <h3 id={`doubt-${doubt.entryId}`}>{doubt.title}</h3>
                  <p>{fill('doubts.inProject', { title: doubt.projectTitle })}</p>
                  <p class="muted">
                    {fillParts(t('diary.by'), { name: doubt.author.displayName, country: doubt.author.country, date: <AbsoluteDate value={doubt.createdAt} locale={locale} /> })}
                  </p>
                  <a href={`${pageUrl('twinspace/diary', address.query)}${address.hash}`} aria-describedby={`doubt-${doubt.entryId}`}>
                    {t('doubts.answer')}
                  </a>
                </li>
              );
            })}
          </ul>
          {doubts.loaded && doubts.items.length === 0 && <EmptyState>{t('doubts.none')}</EmptyState>}
          {doubts.loaded && <Pager done={doubts.done} label={t('doubts.more')} busyLabel={t('common.busy')} onMore={() => doubts.more().catch(failed)} />}
        </section>
      )}
    </>
  );
}
