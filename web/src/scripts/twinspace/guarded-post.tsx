/**
 * A write the pupil guard may stop (issue 12), for the forum's and the home's
 * forms: the API answers the written item, or 202 {held} (a pupil's text
 * waits for a teacher: the pupil reads why, and still sees what they wrote),
 * or 409 PERSONAL_DATA_WARNING (a teacher is asked first; "Publish anyway"
 * sends the same write again with acknowledgePersonalData). Only the answer
 * is looked at here: what follows it (held-preview.tsx, with the notice and
 * the dialog of held-notice.tsx) is fetched when such an answer comes, so
 * the pages' scripts on load stay within budget. (Pages, mailbox and
 * materials have their own guarded-send.tsx, which keeps the text in the form.)
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { RichDoc } from '../../../../functions/domain/rich-text-core.ts';

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

/** Where held-preview.tsx shows what follows a held answer or a warning. */
export interface GuardViews {
  show: (view: ComponentChildren) => void;
  ask: (dialog: ComponentChildren) => void;
}

const isHeld = (answer: unknown): answer is HeldAnswer => typeof answer === 'object' && answer !== null && 'held' in answer;
const isWarning = (error: unknown) => (error as { code?: string } | undefined)?.code === 'PERSONAL_DATA_WARNING';
/** What follows a held answer or a warning, fetched then. */
const whatFollows = () => import('./held-preview.tsx');

/**
 * `send(write, text, field)`: `write(acknowledged)` posts the form (with
 * acknowledgePersonalData: true when `acknowledged`). Resolves to the written
 * item, to `held` (the notice shows where the form puts `feedback`), or to
 * `cancelled` (the teacher went back to their text: focus goes to `field`).
 * Other failures are thrown, as before.
 */
export function useGuardedPost() {
  const [shown, show] = useState<ComponentChildren>();
  const [dialog, ask] = useState<ComponentChildren>();
  const views: GuardViews = { show, ask };

  const send = <T,>(write: (acknowledged: boolean) => Promise<T | HeldAnswer>, text: WrittenText, field: () => HTMLElement | null | undefined): Promise<GuardedOutcome<T>> => {
    show(undefined);
    return write(false).then(
      (answer): GuardedOutcome<T> | Promise<GuardedOutcome<T>> => (isHeld(answer) ? whatFollows().then((follow) => follow.showHeld(views, answer, text)) : { written: answer }),
      (error: unknown) => (isWarning(error) ? whatFollows().then((follow) => follow.askFirst(views, error, () => write(true), field)) : Promise.reject(error)),
    );
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
    clear: () => show(undefined),
  };
}
