/**
 * My profile, a Preact island built from the kit: the form is filled from
 * GET /me and keeps the version it read; saving sends that version (PUT
 * /me/profile). A 409 means another tab or device saved first: the page says
 * so next to the button, keeps what was typed and the old version, so nothing
 * is overwritten until the person loads the latest version. Teachers also
 * edit their partner profile; everyone here chooses how notifications come by
 * e-mail; a pupil reads why there is nothing to edit.
 */
import { useRef, useState } from 'preact/hooks';
import type { ProfileResponse } from '../../../../functions/http/desktop/schemas.ts';
import { BusyButton, FieldError, FormField, StatusMessage, controlProps, errorId, type Status } from '../../components/kit/index.ts';
import { ApiError, apiPut } from '../common/api.ts';
import { useMe, type Me } from './desk-me.ts';
import { failed } from '../common/problems.ts';
import { problemsByField } from '../common/form-problems.ts';
import { t } from '../common/page.ts';
import { MyData } from './my-data.tsx';
import { notificationMailOptions, profileBody, profileValues, type ProfileField, type ProfileValues } from './profile-page.ts';

export default function ProfilePage() {
  const { me, loading, status } = useMe();
  if (!me) {
    return (
      <>
        {loading && <p class="muted">{t('common.loading')}</p>}
        <StatusMessage status={status} />
      </>
    );
  }
  // Everyone downloads their own data (issue 11), pupils too.
  if (me.kind === 'pupil') {
    return (
      <>
        <p class="card">{t('profile.pupil')}</p>
        <MyData />
      </>
    );
  }
  return (
    <>
      <ProfileForm me={me} />
      <MyData />
    </>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const teacher = me.kind === 'teacher';
  const [values, setValues] = useState<ProfileValues>(() => profileValues(me.profile));
  const [version, setVersion] = useState(me.profile.version);
  const [problems, setProblems] = useState<Partial<Record<ProfileField, string>>>({});
  const [status, setStatus] = useState<Status>();
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** Marks the fields and focuses the first, once Preact has marked it. */
  const showProblems = (found: Partial<Record<ProfileField, string>>) => {
    setProblems(found);
    setStatus({ tone: 'error', text: t('desk.checkFields') });
    requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setProblems({});
    setStatus(undefined);
    const checked = profileBody(values, version, teacher);
    if ('problems' in checked) return showProblems(Object.fromEntries(Object.entries(checked.problems).map(([field, key]) => [field, t(key)])));
    setSaving(true);
    try {
      const saved = await apiPut<ProfileResponse>('/me/profile', checked.body);
      setValues(profileValues(saved));
      setVersion(saved.version);
      setStatus({ tone: 'success', text: t('profile.saved') });
    } catch (error) {
      const found = problemsByField(error);
      if (error instanceof ApiError && error.status === 409) {
        // What was typed stays, and so does the old version: a second save cannot overwrite the newer one.
        setStatus({ tone: 'error', text: t('profile.conflict') });
        setStale(true);
      } else if (found) showProblems(found);
      else failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  const set = (name: Exclude<keyof ProfileValues, 'openToPartnership' | 'notificationMail'>) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [name]: event.currentTarget.value });

  return (
    <section class="card">
      <p>{t('profile.intro')}</p>
      <form ref={form} noValidate onSubmit={save}>
        <FormField id="profile-name" label={t('profile.displayName')} error={problems.displayName}>
          {(control) => <input {...control} type="text" maxLength={80} required value={values.displayName} onInput={set('displayName')} />}
        </FormField>
        <FormField id="profile-mail" label={t('profile.notificationMail')} hint={t('profile.notificationMailHint')} error={problems.notificationMail}>
          {(control) => (
            <select
              {...control}
              value={values.notificationMail}
              onChange={(event) => setValues({ ...values, notificationMail: event.currentTarget.value as ProfileValues['notificationMail'] })}
            >
              {notificationMailOptions.map((option) => (
                <option value={option.value}>{t(option.label)}</option>
              ))}
            </select>
          )}
        </FormField>
        {teacher && (
          <fieldset>
            <legend>{t('profile.partnerProfile')}</legend>
            <div class="choice">
              <input
                {...controlProps('profile-open', { error: problems.openToPartnership })}
                type="checkbox"
                checked={values.openToPartnership}
                onChange={(event) => setValues({ ...values, openToPartnership: event.currentTarget.checked })}
              />
              <label for="profile-open">{t('profile.open')}</label>
            </div>
            <FieldError id={errorId('profile-open')} message={problems.openToPartnership} />
            <FormField id="profile-subjects" label={t('profile.subjects')} hint={t('desk.listHint')} error={problems.subjects}>
              {(control) => <input {...control} type="text" value={values.subjects} onInput={set('subjects')} />}
            </FormField>
            <FormField id="profile-languages" label={t('profile.languages')} hint={t('desk.languagesHint')} error={problems.languages}>
              {(control) => <input {...control} type="text" autoCapitalize="none" value={values.languages} onInput={set('languages')} />}
            </FormField>
            <fieldset>
              <legend>{t('desk.ages')}</legend>
              <div class="inline-fields">
                <FormField id="ages-min" label={t('desk.agesMin')} invalid={!!problems.ages} describedBy={[errorId('ages')]}>
                  {(control) => <input {...control} type="number" inputMode="numeric" min={3} max={19} value={values.agesMin} onInput={set('agesMin')} />}
                </FormField>
                <FormField id="ages-max" label={t('desk.agesMax')} invalid={!!problems.ages} describedBy={[errorId('ages')]}>
                  {(control) => <input {...control} type="number" inputMode="numeric" min={3} max={19} value={values.agesMax} onInput={set('agesMax')} />}
                </FormField>
              </div>
              <FieldError id={errorId('ages')} message={problems.ages} />
            </fieldset>
            <FormField id="profile-about" label={t('profile.about')} error={problems.about}>
              {(control) => <textarea {...control} rows={5} maxLength={2000} value={values.about} onInput={set('about')} />}
            </FormField>
          </fieldset>
        )}
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
