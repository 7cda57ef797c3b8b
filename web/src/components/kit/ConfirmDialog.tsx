/**
 * Asks before something that cannot be undone, in a native modal <dialog>:
 * showModal() makes the rest of the page inert (focus stays inside), focus
 * starts on Cancel (the safe answer), Escape cancels, and focus returns to
 * the control that opened it when that control is still there.
 */
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  open: boolean;
  /** The question, also the dialog's accessible name. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** A destructive action is confirmed with a danger button. */
  danger?: boolean;
}

let dialogs = 0;

export function ConfirmDialog({ open, question, confirmLabel, cancelLabel, onConfirm, onCancel, danger = true }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const questionId = useRef(`confirm-${++dialogs}`).current;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
      cancel.current?.focus();
    } else if (!open && element.open) {
      element.close();
      // At once, not on the 'close' event (a later task): whoever acts next finds focus already back.
      returnFocus();
    }
  }, [open]);

  // Whichever way it closes, focus goes back where it came from (if that control still exists).
  const returnFocus = () => {
    if (opener.current?.isConnected) opener.current.focus();
    opener.current = null;
  };
  const closed = returnFocus;

  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={questionId}
      onCancel={(event) => {
        // Escape: the parent decides (it sets open=false), so the dialog's state follows one source.
        event.preventDefault();
        onCancel();
      }}
      onClose={closed}
    >
      <p id={questionId} class="confirm-question">
        {question}
      </p>
      <div class="actions">
        <button type="button" class={danger ? 'danger' : undefined} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" class="secondary" ref={cancel} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
