/**
 * A write the pupil guard may stop (issue 12), for the forum's and the home's
 * forms: the API answers the written item, or 202 {held} (a pupil's text
 * waits for a teacher: the pupil reads why, and still sees what they wrote),
 * or 409 PERSONAL_DATA_WARNING (a teacher is asked first; "Publish anyway"
 * sends the same write again with acknowledgePersonalData). The notice and
 * the dialog (held-preview.tsx, with held-notice.tsx) are fetched only when
 * such an answer comes back, so the pages' scripts on load stay within budget.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { RichDoc } from '../../../../functions/domain/rich-text-core.ts';
import { ApiError } from '../common/api.ts';

/** What a 202 carries (functions/http/moderation/schemas.ts heldResponse). */
export interface HeldAnswer {
  held: { heldId: string; kinds: string[] };
}

/** The body's field that says a teacher was warned and sends anyway. */
export const acknowledgement = (acknowledged: boolean): { acknowledgePersonalData?: true } => (acknowledged ? { acknowledgePersonalData: true } : {});

/** What the pupil wrote, shown under the notice while it waits: a title (threads) and a text. */
export interface WrittenText {
  title?: string;
  body: RichDoc | string;
}

export type GuardedOutcome<T> = { written: T } | { held: true } | { cancelled: true };

const isHeld = (answer: unknown): answer is HeldAnswer => typeof answer === 'object' && answer !== null && 'held' in answer;

const loadViews = () => import('./held-preview.tsx');

/**
 * `send(write, text, field)`: `write(acknowledged)` posts the form (with
 * acknowledgePersonalData: true when `acknowledged`). Resolves to the written
 * item, to `held` (the notice shows where the form puts `shown`), or to
 * `cancelled` (the teacher went back to their text: focus goes to `field`).
 * Other failures are thrown, as before.
 */
export function useGuardedSend() {
  const [shown, setShown] = useState<ComponentChildren>();
  const [dialog, setDialog] = useState<ComponentChildren>();
  const busy = useRef(false);

  const send = async <T,>(write: (acknowledged: boolean) => Promise<T | HeldAnswer>, text: WrittenText, field?: () => HTMLElement | null | undefined): Promise<GuardedOutcome<T>> => {
    setShown(undefined);
    let answer: T | HeldAnswer;
    try {
      answer = await write(false);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'PERSONAL_DATA_WARNING') || busy.current) throw error;
      const views = await loadViews();
      busy.current = true;
      const confirmed = await new Promise<boolean>((resolve) =>
        setDialog(<views.WarningBeforeSending error={error} onConfirm={() => resolve(true)} onCancel={() => resolve(false)} />),
      ).finally(() => {
        busy.current = false;
        setDialog(undefined);
      });
      if (!confirmed) {
        requestAnimationFrame(() => field?.()?.focus());
        return { cancelled: true };
      }
      answer = await write(true);
    }
    if (!isHeld(answer)) return { written: answer };
    const views = await loadViews();
    setShown(<views.HeldPreview kinds={answer.held.kinds} text={text} />);
    return { held: true };
  };

  return {
    send,
    /** Where the form shows a held text's notice (a polite live region, always in the page) and the teacher's warning. */
    feedback: (
      <>
        <div aria-live="polite">{shown}</div>
        {dialog}
      </>
    ),
    clear: () => setShown(undefined),
  };
}
