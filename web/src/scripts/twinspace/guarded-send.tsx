/**
 * What a TwinSpace form does around the pupil guard (issue 12), one hook for
 * the pages, mailbox and materials forms: a 202 `{held}` answer shows the
 * child-friendly reason and that a teacher will look (<HeldNotice>), and the
 * form keeps what was typed; a teacher's 409 PERSONAL_DATA_WARNING opens
 * <PersonalDataWarning>, whose "publish anyway" sends the same request again
 * with `acknowledgePersonalData: true`. Both parts are fetched only when one
 * is needed (the page's 30 KB budget on load).
 */
import { useState } from 'preact/hooks';
import { warningKinds, type FindingKind } from '../common/held-words.ts';
import { t } from '../common/page.ts';
import { failed } from '../common/problems.ts';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';

type HeldParts = typeof import('../common/held-notice.tsx');

/** The API's answer when a pupil's text waits for a teacher (functions/http/moderation/schemas.ts heldResponse). */
export interface HeldAnswer {
  held: { heldId: string; kinds: FindingKind[] };
}

export const isHeld = (answer: unknown): answer is HeldAnswer => typeof answer === 'object' && answer !== null && 'held' in answer;

/** The field a request adds once the teacher confirmed the warning. */
export const acknowledged = (confirmed: boolean) => (confirmed ? { acknowledgePersonalData: true as const } : {});

export function useGuardedSend() {
  const [parts, setParts] = useState<HeldParts>();
  const [heldKinds, setHeldKinds] = useState<FindingKind[]>();
  const [warning, setWarning] = useState<{ kinds: FindingKind[]; resend: () => void }>();
  const [failure, setFailure] = useState<Status>();

  /** The parts, fetched once; when they cannot be, the failure is said (a held text still says that a teacher will look). */
  const load = (orElse: (error: unknown) => void) =>
    import('../common/held-notice.tsx').then(
      (loaded) => {
        setParts(() => loaded);
        return true;
      },
      (error: unknown) => {
        orElse(error);
        return false;
      },
    );

  return {
    /** Before a send: the last notice goes (a new answer comes). */
    reset: () => {
      setHeldKinds(undefined);
      setFailure(undefined);
    },
    /** Whether the answer says the text waits for a teacher (then its reason shows). */
    held: (answer: unknown): answer is HeldAnswer => {
      if (!isHeld(answer)) return false;
      void load(() => setFailure({ tone: 'success', text: t('held.waiting') })).then((loaded) => loaded && setHeldKinds(answer.held.kinds));
      return true;
    },
    /** Whether the failure is the teacher's warning (then it asks; confirming calls `resend`). */
    warned: (error: unknown, resend: () => void): boolean => {
      const kinds = warningKinds(error);
      if (kinds.length === 0) return false;
      void load((error) => failed(error, setFailure)).then((loaded) => loaded && setWarning({ kinds, resend }));
      return true;
    },
    /** The notice (announced politely) and, while asking, the warning dialog. */
    view: (
      <>
        <div role="status" aria-live="polite">
          {parts && heldKinds && <parts.HeldNotice kinds={heldKinds} />}
        </div>
        <StatusMessage status={failure} />
        {parts && warning && (
          <parts.PersonalDataWarning
            kinds={warning.kinds}
            onConfirm={() => {
              setWarning(undefined);
              warning.resend();
            }}
            onCancel={() => setWarning(undefined)}
          />
        )}
      </>
    ),
  };
}
