/**
 * The decisions kept with the project, newest first (the kit's "load more" Pager): which pupil's text, where it was
 * to go, what was found, who decided what and when. The text itself is gone after a decision; the record stays.
 */
import { useEffect, useState } from 'preact/hooks';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { Pager } from '../../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { apiGet } from '../../common/api.ts';
import { kindsInOrder } from '../../common/held-words.ts';
import { fill, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { readerLocale } from '../agenda-mailbox.ts';
import { decisionKey, kindKey, queuePath, surfaceKey, type HeldItem, type QueueAnswer } from './moderation-page.ts';

export function Decisions({ projectId, first }: { projectId: string; first: QueueAnswer }) {
  const [status, setStatus] = useState<Status>();
  const decisions = usePagedList<HeldItem>(async (cursor) => {
    // The first page came with the queue; the next ones are read by their cursor.
    const page = cursor ? await apiGet<QueueAnswer>(queuePath(projectId, cursor)) : first;
    return { items: page.decided, nextCursor: page.nextCursor ?? null };
  });
  useEffect(() => void decisions.reload(), []);

  return (
    <section class="card" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('moderation.decisions')}</h2>
      <StatusMessage status={status} />
      {decisions.loaded && decisions.items.length === 0 && <EmptyState>{t('moderation.decisionsEmpty')}</EmptyState>}
      <ul class="plain decision-record">
        {decisions.items.map((item) => (
          <li key={item.heldId}>
            <p class="decision-line">
              <strong>{fill('moderation.by', { name: item.authorName, surface: t(surfaceKey(item.surface)) })}</strong>
              {' · '}
              {item.status !== 'held' && fill('moderation.decidedBy', { outcome: t(decisionKey(item.status)), name: item.decidedByName ?? '' })}
              {item.decidedAt && (
                <>
                  {' · '}
                  <AbsoluteDate value={item.decidedAt} locale={readerLocale} />
                </>
              )}
            </p>
            <p class="muted">{`${t('moderation.found')}: ${kindsInOrder(item.kinds).map((kind) => t(kindKey(kind))).join(', ')}`}</p>
          </li>
        ))}
      </ul>
      {decisions.loaded && (
        <Pager done={decisions.done} label={t('moderation.more')} busyLabel={t('common.busy')} onMore={() => decisions.more().catch((error: unknown) => failed(error, setStatus))} />
      )}
    </section>
  );
}
