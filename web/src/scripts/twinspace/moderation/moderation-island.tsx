/**
 * The Moderation tab (?id=<projectId>), a Preact island built from the kit. Teachers: the pupils' texts the guard
 * held, oldest first, each with its findings highlighted and Release / Edit / Delete (held-item.tsx); the decisions
 * kept with the project, newest first; the guard's settings (guard-settings.tsx: the teacher administrator changes
 * them). Pupils: their own texts waiting for a teacher and what was decided (my-held.tsx). Visitors: why there is
 * nothing. A `pupil-text-held` / `pupil-text-decided` notification of this project on the tab's live socket reads
 * the list again. Rules in moderation-page.ts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { apiGet } from '../../common/api.ts';
import { language, t } from '../../common/page.ts';
import { plural } from '../../../i18n/plural.ts';
import { failed } from '../../common/problems.ts';
import { TwinspaceTab } from '../twinspace-tab.tsx';
import { Decisions } from './decisions.tsx';
import { GuardSettingsForm } from './guard-settings.tsx';
import { HeldItemCard } from './held-item.tsx';
import { MyHeld } from './my-held.tsx';
import { useHeldNotifications } from './held-live.ts';
import { moderationView, queuePath, type QueueAnswer } from './moderation-page.ts';

export default function ModerationPage() {
  return (
    <TwinspaceTab titleKey="moderation.titleOf" backKey="moderation.back">
      {({ project, projectId }) => {
        const view = moderationView(project.myType);
        if (view.view === 'queue') return <Queue projectId={projectId} settingsEditable={view.settings === 'edit'} />;
        if (view.view === 'mine') return <MyHeld projectId={projectId} />;
        return <p class="notice">{t('moderation.visitor')}</p>;
      }}
    </TwinspaceTab>
  );
}

function Queue({ projectId, settingsEditable }: { projectId: string; settingsEditable: boolean }) {
  const [answer, setAnswer] = useState<QueueAnswer>();
  const [status, setStatus] = useState<Status>();
  const [decisionsVersion, setDecisionsVersion] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = () =>
    apiGet<QueueAnswer>(queuePath(projectId))
      .then((read) => {
        setAnswer(read);
        setDecisionsVersion((version) => version + 1);
      })
      .catch((error: unknown) => failed(error, setStatus));
  useEffect(() => void load(), []);
  useHeldNotifications(projectId, 'pupil-text-held', () => void load());

  /** A decision taken: said, the lists read again, focus on the queue's heading (the item is gone). */
  const decided = async (text: string) => {
    await load();
    setStatus({ tone: 'success', text });
    heading.current?.focus();
  };

  const held = answer?.held ?? [];
  return (
    <div class="moderation">
      <p>{t('moderation.intro')}</p>
      <section class="card" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" tabindex={-1} ref={heading}>
          {t('moderation.waiting')}
        </h2>
        <StatusMessage status={status} />
        {answer && held.length > 0 && (
          <p class="muted">{plural(held.length, { one: t('moderation.waitingCount.one'), other: t('moderation.waitingCount.other') }, language)}</p>
        )}
        {answer && held.length === 0 && <EmptyState>{t('moderation.empty')}</EmptyState>}
        <ul class="plain held-list">
          {held.map((item) => (
            <HeldItemCard key={item.heldId} projectId={projectId} item={item} onDecided={decided} onFailed={setStatus} />
          ))}
        </ul>
      </section>
      {answer && <Decisions key={decisionsVersion} projectId={projectId} first={answer} />}
      {answer && <GuardSettingsForm projectId={projectId} settings={answer.settings} editable={settingsEditable} />}
    </div>
  );
}
