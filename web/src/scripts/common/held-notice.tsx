/**
 * What a pupil and a teacher are told when the guard (issue 12) finds something in a text:
 * - `<HeldNotice kinds />`: the pupil's text waits for a teacher; one plain sentence per kind found, for a child
 *   ("Phone numbers stay private."), then "A teacher will look at your message." (`heldNoticeStrings`);
 * - `<HeldOutcome outcome />`: what the teacher decided, in the same words (`heldNoticeStrings`);
 * - `<PersonalDataWarning kinds onConfirm onCancel />`: a teacher about to put personal data where pupils read is
 *   asked first, in a native modal <dialog> shown while it is rendered (`personalDataWarningStrings`): the page behind
 *   is inert, focus starts on "Go back and change it" (the safe answer), Escape cancels, focus returns to the opener
 *   (the form's send button when the focus had left it).
 * Words come from the page's strings (page.ts `t`): spread the lists from held-words.ts into the page's own.
 */
import { useEffect, useRef } from 'preact/hooks';
import { t } from './page.ts';
import { kindsInOrder, outcomeKey, reasonKey, warningKindKey, type FindingKind, type HeldOutcome as Outcome } from './held-words.ts';

export type { FindingKind } from './held-words.ts';

export function HeldNotice({ kinds }: { kinds: readonly FindingKind[] }) {
  return (
    <p class="held-notice">
      {[...kindsInOrder(kinds).map((kind) => t(reasonKey(kind))), t('held.waiting')].join(' ')}
    </p>
  );
}

export function HeldOutcome({ outcome }: { outcome: Outcome }) {
  return <p class={`held-outcome held-outcome-${outcome}`}>{t(outcomeKey(outcome))}</p>;
}

let warnings = 0;

/**
 * Where the focus goes back to: what had it when the warning opened, else (a send button disabled while it sent
 * loses the focus to the page) the submit button of the form the warning sits in.
 */
function openerOf(dialog: HTMLDialogElement | null): HTMLElement | null {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) return active;
  return dialog?.closest('form')?.querySelector<HTMLElement>('button[type="submit"]') ?? null;
}

interface WarningProps {
  kinds: readonly FindingKind[];
  /** Publish anyway: the page resends with `acknowledgePersonalData: true`. */
  onConfirm: () => void;
  /** Back to the text (also Escape). */
  onCancel: () => void;
}

export function PersonalDataWarning({ kinds, onConfirm, onCancel }: WarningProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useRef(`personal-data-${++warnings}`).current;

  useEffect(() => {
    const element = dialog.current;
    const opener = openerOf(element);
    if (element && !element.open) element.showModal();
    cancel.current?.focus();
    return () => {
      if (element?.open) element.close();
      // The page removes the warning either way: focus goes back to what opened it (the send button) if still there.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog personal-data-warning"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-question`}
      onCancel={(event) => {
        // Escape: the page decides (it stops rendering the warning), so there is one source of truth.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} class="confirm-question">
        {t('held.warning.title')}
      </h2>
      <p>{t('held.warning.intro')}</p>
      <ul>
        {kindsInOrder(kinds).map((kind) => (
          <li key={kind}>{t(warningKindKey(kind))}</li>
        ))}
      </ul>
      <p id={`${id}-question`}>{t('held.warning.question')}</p>
      <div class="actions">
        <button type="button" class="danger" onClick={onConfirm}>
          {t('held.warning.confirm')}
        </button>
        <button type="button" class="secondary" ref={cancel} onClick={onCancel}>
          {t('held.warning.cancel')}
        </button>
      </div>
    </dialog>
  );
}
