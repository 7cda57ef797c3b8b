/**
 * A pupil's "Waiting for a teacher": her own texts the guard held, newest first, each with where it was to go, when,
 * what she wrote while it waits, the reason in plain words (HeldNotice) or the teacher's decision (HeldOutcome).
 * A `pupil-text-decided` notification of this project arriving live reads the list again.
 */
import { useEffect, useState } from 'preact/hooks';
import { Badge } from '../../../components/kit/Badge.tsx';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { Pager } from '../../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { apiGet } from '../../common/api.ts';
import { HeldNotice, HeldOutcome } from '../../common/held-notice.tsx';
import { t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { readerLocale } from '../agenda-mailbox.ts';
import { HeldText } from './held-text.tsx';
import { useHeldNotifications } from './held-live.ts';
import { minePath, surfaceKey, type HeldItem, type MineAnswer } from './moderation-page.ts';

export function MyHeld({ projectId }: { projectId: string }) {
  const [status, setStatus] = useState<Status>();
  const mine = usePagedList<HeldItem>((cursor) => apiGet<MineAnswer>(minePath(projectId, cursor)));
  const reload = () => void mine.reload().catch((error: unknown) => failed(error, setStatus));
  useEffect(reload, []);
  useHeldNotifications(projectId, 'pupil-text-decided', reload);

  return (
    <section class="card" aria-labelledby="mine-heading">
      <h2 id="mine-heading">{t('moderation.mine')}</h2>
      <p>{t('moderation.mineIntro')}</p>
      <StatusMessage status={status} />
      {mine.loaded && mine.items.length === 0 && <EmptyState>{t('moderation.mineEmpty')}</EmptyState>}
      <ul class="plain held-list">
        {mine.items.map((item) => (
          <li key={item.heldId} class="held-item" aria-labelledby={`mine-${item.heldId}`}>
            <h3 id={`mine-${item.heldId}`}>{t(surfaceKey(item.surface))}</h3>
            <p class="muted">
              <AbsoluteDate value={item.heldAt} locale={readerLocale} />
              {item.status === 'held' && (
                <>
                  {' '}
                  <Badge variant="info">{t('held.badge')}</Badge>
                </>
              )}
            </p>
            {item.status === 'held' && (item.fields ?? []).map((field) => <HeldText key={field.field} field={field} showName={(item.fields ?? []).length > 1} />)}
            {item.status === 'held' ? <HeldNotice kinds={item.kinds} /> : <HeldOutcome outcome={item.status} />}
          </li>
        ))}
      </ul>
      {mine.loaded && <Pager done={mine.done} label={t('moderation.more')} busyLabel={t('common.busy')} onMore={() => mine.more().catch((error: unknown) => failed(error, setStatus))} />}
    </section>
  );
}
