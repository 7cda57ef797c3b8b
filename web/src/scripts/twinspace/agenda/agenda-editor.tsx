/**
 * The add / edit form of the agenda, from the kit: a FormField per input
 * (label, hint, error, aria wiring), the start and the end each a date and a
 * time sharing one error, a BusyButton to save, and the form's own
 * StatusMessage under its buttons. What to do with a valid body is the
 * page's (`onSave`); this form only holds what is typed.
 */
import type { AgendaEventBodyInput } from '../../../../../functions/http/agenda/schemas.ts';
import type { ComponentChildren } from 'preact';
import type { Ref } from 'preact';
import { BusyButton, FieldError, FormField, StatusMessage, errorId, type Status } from '../../../components/kit/index.ts';
import { eventBody, type EventField, type EventValues, type TextField } from './agenda-page.ts';
import { readerTimeZone } from '../agenda-mailbox.ts';
import { fill, t } from '../../common/page.ts';

interface Props {
  values: EventValues;
  onInput: (values: EventValues) => void;
  /** The event being edited (its title as it was read), or undefined while adding. */
  editingTitle?: string;
  problems: Partial<Record<EventField, string>>;
  /** The form's own problems (before sending): the page marks them and focuses the first. */
  onProblems: (problems: Partial<Record<EventField, string>>) => void;
  status?: Status;
  saving: boolean;
  onSave: (body: AgendaEventBodyInput) => void;
  onCancelEdit: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  submitRef: Ref<HTMLButtonElement>;
}

export function EventEditor(props: Props) {
  const { values, problems, editingTitle } = props;
  const set = (name: TextField) => (event: { currentTarget: { value: string } }) =>
    props.onInput({ ...values, [name]: event.currentTarget.value });
  const inputsHint = 'event-inputs-hint';

  const submit = (event: Event) => {
    event.preventDefault();
    const checked = eventBody(values);
    if ('problems' in checked) {
      const found = Object.fromEntries(Object.entries(checked.problems).map(([field, key]) => [field, t(key)]));
      props.onProblems(found);
      return;
    }
    props.onSave(checked.body);
  };

  return (
    <section id="event-editor" class="card" aria-labelledby="form-heading">
      <h2 id="form-heading" tabindex={-1} ref={props.headingRef}>
        {editingTitle === undefined ? t('agenda.add') : fill('agenda.editing', { title: editingTitle })}
      </h2>
      <form noValidate onSubmit={submit}>
        <FormField id="event-title" label={t('agenda.eventTitle')} error={problems.title}>
          {(control) => <input {...control} data-field="title" type="text" maxLength={200} required value={values.title} onInput={set('title')} />}
        </FormField>
        <p id={inputsHint} class="hint">
          {fill('agenda.inputsHint', { zone: readerTimeZone })}
        </p>
        <Pair error={problems.startsAt} errorOf="startsAt">
          <FormField id="event-start-date" label={t('agenda.startDate')} invalid={!!problems.startsAt} describedBy={[inputsHint, errorId('startsAt')]}>
            {(control) => <input {...control} data-field="startsAt" type="date" required value={values.startDate} onInput={set('startDate')} />}
          </FormField>
          <FormField id="event-start-time" label={t('agenda.startTime')} invalid={!!problems.startsAt} describedBy={[inputsHint, errorId('startsAt')]}>
            {(control) => <input {...control} data-field="startsAt" type="time" required value={values.startTime} onInput={set('startTime')} />}
          </FormField>
        </Pair>
        <Pair error={problems.endsAt} errorOf="endsAt">
          <FormField id="event-end-date" label={t('agenda.endDate')} hint={t('agenda.endDateHint')} invalid={!!problems.endsAt} describedBy={[errorId('endsAt')]}>
            {(control) => <input {...control} data-field="endsAt" type="date" value={values.endDate} onInput={set('endDate')} />}
          </FormField>
          <FormField id="event-end-time" label={t('agenda.endTime')} invalid={!!problems.endsAt} describedBy={[inputsHint, errorId('endsAt')]}>
            {(control) => <input {...control} data-field="endsAt" type="time" required value={values.endTime} onInput={set('endTime')} />}
          </FormField>
        </Pair>
        <FormField id="event-location" label={t('agenda.location')} error={problems.location}>
          {(control) => <input {...control} data-field="location" type="text" maxLength={200} value={values.location} onInput={set('location')} />}
        </FormField>
        <FormField id="event-link" label={t('agenda.eventLink')} hint={t('agenda.linkHint')} error={problems.link}>
          {(control) => <input {...control} data-field="link" type="url" inputMode="url" maxLength={2000} value={values.link} onInput={set('link')} />}
        </FormField>
        <FormField id="event-description" label={t('agenda.description')} error={problems.description}>
          {(control) => <textarea {...control} data-field="description" rows={4} maxLength={5000} value={values.description} onInput={set('description')} />}
        </FormField>
        <div class="choice">
          <input id="event-public" type="checkbox" aria-describedby="event-public-hint" checked={values.public} onChange={(event) => props.onInput({ ...values, public: event.currentTarget.checked })} />
          <label for="event-public">{t('agenda.public')}</label>
          <span id="event-public-hint" class="hint">
            {t('agenda.publicHint')}
          </span>
        </div>
        <div class="actions">
          <BusyButton type="submit" busy={props.saving} busyLabel={t('common.busy')} buttonRef={props.submitRef}>
            {editingTitle === undefined ? t('agenda.save') : t('agenda.saveEdit')}
          </BusyButton>
          {editingTitle !== undefined && (
            <button type="button" class="secondary" onClick={props.onCancelEdit}>
              {t('agenda.cancelEdit')}
            </button>
          )}
        </div>
        <StatusMessage status={props.status} />
      </form>
    </section>
  );
}

/** Two fields side by side (a date and a time) with their one shared error below. */
function Pair({ children, error, errorOf }: { children: ComponentChildren; error?: string; errorOf: EventField }) {
  return (
    <>
      <div class="inline-fields">{children}</div>
      <FieldError id={errorId(errorOf)} message={error} />
    </>
  );
}
