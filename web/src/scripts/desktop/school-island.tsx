/**
 * My school, a Preact island built from the kit: a teacher with no school
 * yet registers one (POST /schools; the creator joins it); with one, GET
 * /schools/{id} fills the form and PUT sends the version it read. A 409 keeps
 * what was typed, overwrites nothing and offers the latest version. Anyone
 * but a teacher reads that the page is for teachers.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RefObject } from 'preact';
import type { SchoolResponse } from '../../../../functions/http/desktop/schemas.ts';
import { BusyButton, FormField, StatusMessage, type Status } from '../../components/kit/index.ts';
import { ApiError, apiGet, apiPost, apiPut } from '../common/api.ts';
import { useMe } from './desk-me.ts';
import { failed } from '../common/problems.ts';
import { problemsByField } from '../common/form-problems.ts';
import { fill, t } from '../common/page.ts';
import { createBody, schoolValues, updateBody, type SchoolField, type SchoolValues } from './school-page.ts';

type Problems = Partial<Record<SchoolField, string>>;

export default function SchoolPage() {
  const { me, loading, status: meStatus } = useMe();
  const [school, setSchool] = useState<SchoolResponse>();
  const [reading, setReading] = useState(false);
  const [status, setStatus] = useState<Status>();
  /** Said in the school's profile once it was registered here. */
  const [created, setCreated] = useState<Status>();
  const schoolId = me?.kind === 'teacher' ? me.profile.schoolId : undefined;

  useEffect(() => {
    if (!schoolId) return;
    setReading(true);
    apiGet<SchoolResponse>(`/schools/${encodeURIComponent(schoolId)}`)
      .then(setSchool, (error: unknown) => failed(error, setStatus))
      .finally(() => setReading(false));
  }, [schoolId]);

  return (
    <>
      {(loading || reading) && <p class="muted">{t('common.loading')}</p>}
      <StatusMessage status={meStatus ?? status} />
      {me && me.kind !== 'teacher' && <p class="card">{t('school.teachersOnly')}</p>}
      {me?.kind === 'teacher' && !schoolId && !school && (
        <RegisterSchool
          country={me.country}
          onCreated={(made) => {
            setSchool(made);
            setCreated({ tone: 'success', text: fill('school.created', { name: made.name }) });
          }}
        />
      )}
      {school && <SchoolProfile key={school.schoolId} school={school} created={created} />}
    </>
  );
}

/** Marks the fields (typed wrong, or refused by the API's 400) and focuses the first, once Preact has marked it. */
function useProblems(form: RefObject<HTMLFormElement>, setStatus: (status: Status | undefined) => void) {
  const [problems, setProblems] = useState<Problems>({});
  const show = (found: Problems) => {
    setProblems(found);
    setStatus({ tone: 'error', text: t('desk.checkFields') });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  return { problems, setProblems, show };
}

const translated = (problems: Partial<Record<SchoolField, Parameters<typeof t>[0]>>): Problems =>
  Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)]));

function RegisterSchool({ country, onCreated }: { country: string; onCreated: (school: SchoolResponse) => void }) {
  const [values, setValues] = useState<SchoolValues>({ name: '', city: '', country, about: '' });
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { problems, setProblems, show } = useProblems(form, setStatus);
  const set = (name: SchoolField) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  const register = async (event: Event) => {
    event.preventDefault();
    setProblems({});
    setStatus(undefined);
    const checked = createBody(values);
    if ('problems' in checked) return show(translated(checked.problems));
    setSaving(true);
    try {
      onCreated(await apiPost<SchoolResponse>('/schools', checked.body));
    } catch (error) {
      const found = problemsByField(error);
      if (found) show(found);
      else failed(error, setStatus);
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="create-heading">
      <h2 id="create-heading">{t('school.createHeading')}</h2>
      <p>{t('school.noSchool')}</p>
      <form ref={form} noValidate onSubmit={register}>
        <FormField id="create-name" label={t('school.name')} error={problems.name}>
          {(control) => <input {...control} type="text" maxLength={120} required value={values.name} onInput={set('name')} />}
        </FormField>
        <FormField id="create-city" label={t('school.city')} error={problems.city}>
          {(control) => <input {...control} type="text" maxLength={80} required value={values.city} onInput={set('city')} />}
        </FormField>
        <FormField id="create-country" label={t('school.country')} hint={t('desk.countryHint')} error={problems.country}>
          {(control) => <input {...control} type="text" maxLength={2} autoCapitalize="characters" required value={values.country} onInput={set('country')} />}
        </FormField>
        <FormField id="create-about" label={t('school.about')} error={problems.about}>
          {(control) => <textarea {...control} rows={4} maxLength={2000} value={values.about} onInput={set('about')} />}
        </FormField>
        <BusyButton type="submit" busy={saving} busyLabel={t('desk.saving')}>
          {t('school.create')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}

function SchoolProfile({ school: read, created }: { school: SchoolResponse; created?: Status }) {
  const [school, setSchool] = useState(read);
  const [values, setValues] = useState<SchoolValues>(() => schoolValues(read));
  const [status, setStatus] = useState<Status | undefined>(created);
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { problems, setProblems, show } = useProblems(form, setStatus);
  const set = (name: SchoolField) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  // Just registered: the reader lands on its profile, where the outcome is said.
  useEffect(() => {
    if (created) heading.current?.focus();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    setProblems({});
    setStatus(undefined);
    const checked = updateBody(values, school.version);
    if ('problems' in checked) return show(translated(checked.problems));
    setSaving(true);
    try {
      const saved = await apiPut<SchoolResponse>(`/schools/${encodeURIComponent(school.schoolId)}`, checked.body);
      setSchool(saved);
      setValues(schoolValues(saved));
      setStatus({ tone: 'success', text: t('school.saved') });
    } catch (error) {
      const found = problemsByField(error);
      if (error instanceof ApiError && error.status === 409) {
        // What was typed stays, and so does the old version: nothing is overwritten.
        setStatus({ tone: 'error', text: t('school.conflict') });
        setStale(true);
      } else if (found) show(found);
      else failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="card" aria-labelledby="edit-heading">
      <h2 id="edit-heading" tabindex={-1} ref={heading}>
        {t('school.editHeading')}
      </h2>
      <dl class="facts">
        <dt>{t('school.country')}</dt>
        <dd>{school.country}</dd>
      </dl>
      <p class="hint">{t('school.countryFixed')}</p>
      <form ref={form} noValidate onSubmit={save}>
        <FormField id="edit-name" label={t('school.name')} error={problems.name}>
          {(control) => <input {...control} type="text" maxLength={120} required value={values.name} onInput={set('name')} />}
        </FormField>
        <FormField id="edit-city" label={t('school.city')} error={problems.city}>
          {(control) => <input {...control} type="text" maxLength={80} required value={values.city} onInput={set('city')} />}
        </FormField>
        <FormField id="edit-about" label={t('school.about')} error={problems.about}>
          {(control) => <textarea {...control} rows={4} maxLength={2000} value={values.about} onInput={set('about')} />}
        </FormField>
        <div class="actions">
          <BusyButton type="submit" busy={saving} busyLabel={t('desk.saving')}>
            {t('desk.save')}
          </BusyButton>
          {stale && (
            <button type="button" class="secondary" onClick={() => location.reload()}>
              {t('desk.reload')}
            </button>
          )}
        </div>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
