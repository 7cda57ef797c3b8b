/**
 * The agenda page (?id=<projectId>), a Preact island built from the kit:
 * upcoming events by start time (from the start of the reader's today), in
 * the reader's locale and time zone, read page by page ("Show more"); the
 * public iCalendar feed; the project's teachers add, edit (versioned: an edit
 * crossed by someone else's keeps what was typed) and delete (after a
 * confirm dialog) events while the project is open. Every outcome is said
 * next to what caused it: the form's under its buttons, the list's under
 * its heading.
 */
import { mayAtAll } from '../../../../../functions/domain/policy.ts';
import type { AgendaEventResponse, AgendaEventUpdateBodyInput, AgendaPage, AgendaEventBodyInput } from '../../../../../functions/http/agenda/schemas.ts';
import type { ProjectDetailResponse } from '../../../../../functions/http/projects/schemas.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ConfirmDialog, EmptyState, Pager, StatusMessage, usePagedList, type Status } from '../../../components/kit/index.ts';
import { EventEditor } from './agenda-editor.tsx';
import { EventItem } from './agenda-event.tsx';
import { emptyEvent, startOfToday, valuesOf, type EventField, type EventValues } from './agenda-page.ts';
import { readerTimeZone } from '../agenda-mailbox.ts';
import { ApiError, apiDelete, apiGet, apiPost, apiPut } from '../../common/api.ts';
import { loadConfig, withoutTrailingSlash } from '../../common/config.ts';
import { problemsByField } from '../../common/form-problems.ts';
import { fill, t } from '../../common/page.ts';
import { TwinspaceTab } from '../twinspace-tab.tsx';
import { failed } from '../../common/problems.ts';

export default function AgendaPage() {
  return <TwinspaceTab titleKey="agenda.titleOf" backKey="agendaMailbox.back">{(opened) => <AgendaArea {...opened} />}</TwinspaceTab>;
}

function AgendaArea({ project, projectId }: { project: ProjectDetailResponse; projectId: string }) {
  // The public iCalendar feed, on the API's origin (read from the site's settings).
  const [calendar, setCalendar] = useState('#');
  useEffect(() => {
    void loadConfig().then((config) => setCalendar(`${withoutTrailingSlash(config.api)}/public/projects/${encodeURIComponent(projectId)}/agenda.ics`));
  }, [projectId]);
  const agendaPath = `/projects/${encodeURIComponent(projectId)}/agenda`;
  // No write control at all for those who may not edit, nor while the project is not open.
  const mayEdit = project.state === 'approved' && !!project.myType && mayAtAll(project.myType, 'edit-agenda');

  const from = useRef(startOfToday());
  const events = usePagedList<AgendaEventResponse>((cursor) => {
    const query = new URLSearchParams({ from: from.current, limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<AgendaPage>(`${agendaPath}?${query}`);
  });
  const reload = () => {
    from.current = startOfToday();
    return events.reload();
  };
  const [listStatus, setListStatus] = useState<Status>();
  const listHeading = useRef<HTMLHeadingElement>(null);

  const [values, setValues] = useState<EventValues>(emptyEvent);
  /** The event being edited, with the version it was read at; undefined while adding. */
  const [editing, setEditing] = useState<{ eventId: string; version: number; title: string }>();
  const [problems, setProblems] = useState<Partial<Record<EventField, string>>>({});
  const [formStatus, setFormStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const submit = useRef<HTMLButtonElement>(null);

  const [toDelete, setToDelete] = useState<AgendaEventResponse>();
  const [deleting, setDeleting] = useState<string>();

  useEffect(() => {
    reload().catch((error: unknown) => failed(error, setListStatus));
  }, []);

  const startEditing = (event: AgendaEventResponse) => {
    setProblems({});
    setFormStatus(undefined);
    setEditing({ eventId: event.eventId, version: event.version, title: event.title });
    setValues(valuesOf(event));
    requestAnimationFrame(() => formHeading.current?.focus());
  };
  const stopEditing = () => {
    setEditing(undefined);
    setValues(emptyEvent);
  };

  /** Marks the fields (typed wrong, or refused by the API's 400) and focuses the first, once Preact has marked it. */
  const showProblems = (found: Partial<Record<EventField, string>>) => {
    setProblems(found);
    setFormStatus({ tone: 'error', text: t('agendaMailbox.checkFields') });
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#event-editor [aria-invalid="true"]')?.focus());
  };

  /**
   * A 409 on an edit: when the event's version moved on, someone changed it
   * elsewhere: show it as it is now, keep what was typed, and let a second
   * save replace it. Any other conflict (the project closed meanwhile) says its own why.
   */
  const afterConflict = async (edited: { eventId: string; version: number }, error: unknown) => {
    const current = (await reload()).find((event) => event.eventId === edited.eventId);
    if (!current || current.version === edited.version) return failed(error, setFormStatus);
    setEditing((before) => before && { ...before, version: current.version });
    setFormStatus({ tone: 'error', text: t('agenda.changedElsewhere') });
    formHeading.current?.focus();
  };

  const save = async (body: AgendaEventBodyInput) => {
    setProblems({});
    setFormStatus(undefined);
    setSaving(true);
    const edited = editing;
    let saved: AgendaEventResponse;
    try {
      saved = edited
        ? await apiPut<AgendaEventResponse>(`${agendaPath}/${encodeURIComponent(edited.eventId)}`, { ...body, version: edited.version } satisfies AgendaEventUpdateBodyInput)
        : await apiPost<AgendaEventResponse>(agendaPath, body);
    } catch (error) {
      setSaving(false);
      const problemsFound = problemsByField(error);
      if (edited && error instanceof ApiError && error.status === 409) await afterConflict(edited, error).catch((again: unknown) => failed(again, setFormStatus));
      else if (edited && error instanceof ApiError && error.status === 404) {
        // Deleted meanwhile: what was typed stays, and can be added as a new event.
        setEditing(undefined);
        setFormStatus({ tone: 'error', text: t('agenda.gone') });
        await reload().catch((again: unknown) => failed(again, setListStatus));
      } else if (problemsFound) showProblems(problemsFound);
      else failed(error, setFormStatus);
      return;
    }
    setSaving(false);
    stopEditing();
    setFormStatus({ tone: 'success', text: fill(edited ? 'agenda.saved' : 'agenda.added', { title: saved.title }) });
    await reload().catch((error: unknown) => failed(error, setListStatus));
    listHeading.current?.focus();
  };

  const remove = async (event: AgendaEventResponse) => {
    setToDelete(undefined);
    setListStatus(undefined);
    setDeleting(event.eventId);
    try {
      await apiDelete(`${agendaPath}/${encodeURIComponent(event.eventId)}`);
      if (editing?.eventId === event.eventId) stopEditing();
      await reload();
      setListStatus({ tone: 'success', text: fill('agenda.deleted', { title: event.title }) });
      listHeading.current?.focus();
    } catch (error) {
      failed(error, setListStatus);
    } finally {
      setDeleting(undefined);
    }
  };

  return (
    <div>
      {project.state === 'closed' && <p class="notice closed-notice">{t('agendaMailbox.closed')}</p>}
      <p class="muted">{fill('agenda.timeZone', { zone: readerTimeZone })}</p>
      <p>
        <a href={calendar} aria-describedby="calendar-hint">
          {t('agenda.calendar')}
        </a>
        <span id="calendar-hint" class="hint calendar-hint">
          {t('agenda.calendarHint')}
        </span>
      </p>

      <section class="card" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading" tabindex={-1} ref={listHeading}>
          {t('agenda.upcoming')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul class="plain decision-list">
          {events.items.map((event) => (
            <EventItem
              key={event.eventId}
              event={event}
              actions={mayEdit ? { onEdit: () => startEditing(event), onDelete: () => setToDelete(event), deleting: deleting === event.eventId } : undefined}
            />
          ))}
        </ul>
        {events.loaded && events.items.length === 0 && <EmptyState>{t('agenda.none')}</EmptyState>}
        {events.loaded && (
          <Pager
            done={events.done}
            label={t('agendaMailbox.more')}
            busyLabel={t('common.busy')}
            onMore={() => events.more().catch((error: unknown) => failed(error, setListStatus))}
          />
        )}
      </section>

      {mayEdit && (
        <EventEditor
          values={values}
          onInput={setValues}
          editingTitle={editing?.title}
          problems={problems}
          onProblems={showProblems}
          status={formStatus}
          saving={saving}
          onSave={(body) => void save(body)}
          onCancelEdit={() => {
            stopEditing();
            setProblems({});
            setFormStatus(undefined);
            submit.current?.focus();
          }}
          headingRef={formHeading}
          submitRef={submit}
        />
      )}

      <ConfirmDialog
        open={!!toDelete}
        question={toDelete ? fill('agenda.confirmDelete', { title: toDelete.title }) : ''}
        confirmLabel={t('agenda.delete')}
        cancelLabel={t('agendaMailbox.cancel')}
        onConfirm={() => toDelete && void remove(toDelete)}
        onCancel={() => setToDelete(undefined)}
      />
    </div>
  );
}
