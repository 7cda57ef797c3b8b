/**
 * The edit form of one page, from the kit: its title as a FormField and its
 * text in the rich-text editor (with their errors), a note when the page
 * changed meanwhile (what was typed stays), a BusyButton to save and the
 * form's StatusMessage under its buttons, then what the pupil guard said. What to do with the typed values is
 * the reader's (`onSave`).
 */
import type { ComponentChildren, Ref } from 'preact';
import type { Area } from '../../../../../functions/domain/areas.ts';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import { BusyButton, FormField, StatusMessage, type DocumentMedia, type Status } from '../../../components/kit/index.ts';
import { t } from '../../common/page.ts';
import { TextField } from '../../common/rich-text.tsx';

export interface EditValues {
  title: string;
  body: RichDoc;
}

interface Props {
  values: EditValues;
  onInput: (values: EditValues) => void;
  problems: Record<string, string>;
  /** Why the form's text is not what the page shows (changed or deleted meanwhile). */
  note?: string;
  status?: Status;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  formRef: Ref<HTMLFormElement>;
  /** The URLs of the pictures the page shows, and where new ones come from. */
  media?: DocumentMedia;
  pictures: { projectId: string; area: Area };
  /** What the pupil guard says of the last save (held for a teacher, or the teacher's warning). */
  guarded?: ComponentChildren;
}

export function PageEditor({ values, onInput, problems, note, status, saving, onSave, onCancel, headingRef, formRef, media, pictures, guarded }: Props) {
  return (
    <form
      ref={formRef}
      id="edit-form"
      noValidate
      aria-labelledby="edit-heading"
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <h3 id="edit-heading" tabindex={-1} ref={headingRef}>
        {t('pagesArea.editHeading')}
      </h3>
      <FormField id="edit-title" label={t('pagesArea.pageTitle')} error={problems.title}>
        {(control) => (
          <input {...control} type="text" maxLength={200} required value={values.title} onInput={(event) => onInput({ ...values, title: event.currentTarget.value })} />
        )}
      </FormField>
      <TextField
        id="edit-body"
        label={t('pagesArea.text')}
        hint={t('pagesArea.textHint')}
        error={problems.body}
        value={values.body}
        onChange={(body) => onInput({ ...values, body })}
        media={media}
        pictures={pictures}
      />
      {note && <p class="notice">{note}</p>}
      <div class="actions">
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('pagesArea.save')}
        </BusyButton>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('pagesArea.cancel')}
        </button>
      </div>
      <StatusMessage status={status} />
      {guarded}
    </form>
  );
}
