/**
 * One pupil's text waiting in the teachers' queue: who wrote it, where it was to go, when, what the guard found, the
 * text with its findings highlighted (held-text.tsx), and the three decisions: Release as written; Edit (a text area
 * per field, prefilled; saving releases the edited text); Delete (asked first in the kit's ConfirmDialog). The
 * server decides once: a text another teacher decided meanwhile answers 409, said here.
 */
import { useRef, useState } from 'preact/hooks';
import { Badge } from '../../../components/kit/Badge.tsx';
import { BusyButton } from '../../../components/kit/BusyButton.tsx';
import { ConfirmDialog } from '../../../components/kit/ConfirmDialog.tsx';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { FormField } from '../../../components/kit/FormField.tsx';
import type { Status } from '../../../components/kit/StatusMessage.tsx';
import { apiPost } from '../../common/api.ts';
import { kindsInOrder } from '../../common/held-words.ts';
import { fill, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { readerLocale } from '../agenda-mailbox.ts';
import { HeldText } from './held-text.tsx';
import { deletePath, emptyFields, fieldKey, kindKey, releaseBody, releasePath, surfaceKey, type HeldItem } from './moderation-page.ts';

interface Props {
  projectId: string;
  item: HeldItem;
  /** The decision was taken: the sentence saying so. */
  onDecided: (text: string) => Promise<void>;
  onFailed: (status: Status) => void;
}

export function HeldItemCard({ projectId, item, onDecided, onFailed }: Props) {
  const [editing, setEditing] = useState(false);
  const [edited, setEdited] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState(false);
  const [saving, setSaving] = useState(false);
  /** The fields left empty: a teacher who wants nothing published deletes instead (the API refuses an empty text). */
  const [empty, setEmpty] = useState<string[]>([]);
  const editButton = useRef<HTMLButtonElement>(null);
  const name = item.authorName;
  const fields = item.fields ?? [];
  const headingId = `held-${item.heldId}`;

  const release = (body: object, said: 'moderation.released' | 'moderation.edited') =>
    apiPost(releasePath(projectId, item.heldId), body)
      .then(() => onDecided(fill(said, { name })))
      .catch((error: unknown) => failed(error, onFailed));

  const remove = () => {
    setAsking(false);
    return apiPost(deletePath(projectId, item.heldId))
      .then(() => onDecided(fill('moderation.deleted', { name })))
      .catch((error: unknown) => failed(error, onFailed));
  };

  const startEditing = () => {
    setEdited(Object.fromEntries(fields.map((field) => [field.field, field.text])));
    setEditing(true);
    requestAnimationFrame(() => document.getElementById(`edit-${item.heldId}-0`)?.focus());
  };

  const saveEdited = async (event: Event) => {
    event.preventDefault();
    const left = emptyFields(fields, edited);
    setEmpty(left);
    if (left.length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`#held-${item.heldId}-edit [aria-invalid="true"]`)?.focus());
      return;
    }
    setSaving(true);
    const body = releaseBody(fields, edited);
    await release(body, body.fields ? 'moderation.edited' : 'moderation.released');
    setSaving(false);
  };

  return (
    <li class="held-item" aria-labelledby={headingId}>
      <h3 id={headingId}>{fill('moderation.by', { name, surface: t(surfaceKey(item.surface)) })}</h3>
      <p class="muted">
        <AbsoluteDate value={item.heldAt} locale={readerLocale} />
      </p>
      <p class="held-kinds">
        {`${t('moderation.found')}: `}
        {kindsInOrder(item.kinds).map((kind) => (
          <Badge key={kind} variant="info">
            {t(kindKey(kind))}
          </Badge>
        ))}
      </p>
      {!editing && fields.map((field) => <HeldText key={field.field} field={field} showName={fields.length > 1} />)}
      {editing ? (
        <form id={`held-${item.heldId}-edit`} class="held-edit" noValidate onSubmit={saveEdited} aria-label={fill('moderation.editOf', { name })}>
          {fields.map((field, index) => (
            <FormField key={field.field} id={`edit-${item.heldId}-${index}`} label={t(fieldKey(field.field))} hint={index === 0 ? t('moderation.editHint') : undefined} error={empty.includes(field.field) ? t('moderation.editEmpty') : undefined}>
              {(control) => (
                <textarea
                  {...control}
                  rows={field.text.length > 120 ? 6 : 3}
                  value={edited[field.field] ?? ''}
                  onInput={(event) => setEdited({ ...edited, [field.field]: event.currentTarget.value })}
                />
              )}
            </FormField>
          ))}
          <div class="actions">
            <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
              {t('moderation.saveRelease')}
            </BusyButton>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setEditing(false);
                requestAnimationFrame(() => editButton.current?.focus());
              }}
            >
              {t('moderation.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="actions">
          <BusyButton busyLabel={t('common.busy')} aria-describedby={headingId} onClick={() => release({}, 'moderation.released')}>
            {t('moderation.release')}
          </BusyButton>
          {fields.length > 0 && (
            <button type="button" class="secondary" ref={editButton} aria-describedby={headingId} onClick={startEditing}>
              {t('moderation.edit')}
            </button>
          )}
          <button type="button" class="danger" aria-describedby={headingId} onClick={() => setAsking(true)}>
            {t('moderation.delete')}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={asking}
        question={fill('moderation.deleteQuestion', { name })}
        confirmLabel={t('moderation.delete')}
        cancelLabel={t('moderation.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setAsking(false)}
      />
    </li>
  );
}
