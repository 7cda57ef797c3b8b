/**
 * "Erase this pupil's data" (issue 11): a native modal <dialog> that names the choice — delete everything the person
 * wrote, or keep it as written by "Former pupil" / "Former teacher" — says that it cannot be undone, and confirms with
 * a button that repeats the choice. Focus starts on Cancel (the safe answer), Escape cancels, focus returns to the
 * opener. POST /people/{userId}/erasure; a failure is said inside the dialog.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErasureBodyInput, ErasureResponse } from '../../../../functions/http/privacy/schemas.ts';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import type { MessageKey } from '../../i18n/index.ts';
import { apiPost } from './api.ts';
import { fill, t } from './page.ts';
import { failed } from './problems.ts';

export { erasureStrings } from './erase-strings.ts';


export interface ErasedPerson {
  userId: string;
  displayName: string;
  kind: 'pupil' | 'teacher';
}

type Mode = ErasureBodyInput['mode'];

/** The confirm button's words: the choice, repeated. */
export const confirmKey = (kind: ErasedPerson['kind'], mode: Mode): MessageKey =>
  mode === 'delete' ? 'privacy.confirmDelete' : kind === 'pupil' ? 'privacy.confirmKeepPupil' : 'privacy.confirmKeepTeacher';

let dialogs = 0;

export function ErasePersonDialog({ person, onErased, onCancel }: { person?: ErasedPerson; onErased: (text: string) => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useRef(`erase-${++dialogs}`).current;
  const [mode, setMode] = useState<Mode>('delete');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (person && !element.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setMode('delete');
      setStatus(undefined);
      element.showModal();
      cancel.current?.focus();
    } else if (!person && element.open) {
      element.close();
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [person]);

  const erase = async () => {
    if (!person) return;
    setBusy(true);
    setStatus(undefined);
    try {
      await apiPost<ErasureResponse>(`/people/${encodeURIComponent(person.userId)}/erasure`, { mode } satisfies ErasureBodyInput);
      onErased(fill('privacy.erased', { name: person.displayName }));
    } catch (error) {
      failed(error, setStatus);
    } finally {
      setBusy(false);
    }
  };

  const name = person?.displayName ?? '';
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-warning`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-title`} class="confirm-question">
        {fill('privacy.eraseTitle', { name })}
      </h2>
      <fieldset>
        <legend>{fill('privacy.eraseChoice', { name })}</legend>
        <div class="choice">
          <input type="radio" id={`${id}-delete`} name={`${id}-mode`} value="delete" checked={mode === 'delete'} onChange={() => setMode('delete')} />
          <label for={`${id}-delete`}>{fill('privacy.modeDelete', { name })}</label>
        </div>
        <div class="choice">
          <input type="radio" id={`${id}-keep`} name={`${id}-mode`} value="keep" checked={mode === 'keep'} onChange={() => setMode('keep')} />
          <label for={`${id}-keep`}>{t(person?.kind === 'teacher' ? 'privacy.modeKeepTeacher' : 'privacy.modeKeepPupil')}</label>
        </div>
      </fieldset>
      <p id={`${id}-warning`}>
        <strong>{fill('privacy.eraseWarning', { name })}</strong>
      </p>
      <StatusMessage status={status} />
      <div class="actions">
        <BusyButton class="danger" busy={busy} busyLabel={t('common.busy')} onClick={() => void erase()}>
          {fill(confirmKey(person?.kind ?? 'pupil', mode), { name })}
        </BusyButton>
        <button type="button" class="secondary" ref={cancel} disabled={busy} onClick={onCancel}>
          {t('privacy.cancel')}
        </button>
      </div>
    </dialog>
  );
}
