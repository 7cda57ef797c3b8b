/**
 * The guard's settings of this project: the teacher administrator may let links to accounts and @handles through
 * (a project with older pupils); e-mail addresses, phone numbers and street addresses are always held, said here.
 * Other teachers read the settings.
 */
import { useState } from 'preact/hooks';
import { BusyButton } from '../../../components/kit/BusyButton.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { apiPut } from '../../common/api.ts';
import { t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { settingsPath, type GuardSettings } from './moderation-page.ts';

const choices = [
  { name: 'allowAccountLinks', label: 'moderation.allowAccountLinks', hint: 'moderation.allowAccountLinksHint' },
  { name: 'allowHandles', label: 'moderation.allowHandles', hint: 'moderation.allowHandlesHint' },
] as const;

export function GuardSettingsForm({ projectId, settings, editable }: { projectId: string; settings: GuardSettings; editable: boolean }) {
  const [values, setValues] = useState<GuardSettings>(settings);
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setStatus(undefined);
    try {
      const saved = await apiPut<GuardSettings | undefined>(settingsPath(projectId), values);
      if (saved && typeof saved.allowHandles === 'boolean') setValues(saved);
      setStatus({ tone: 'success', text: t('moderation.settingsSaved') });
    } catch (error) {
      failed(error, setStatus);
    }
    setSaving(false);
  };

  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('moderation.settings')}</h2>
      <p class="notice">{t('moderation.alwaysHeld')}</p>
      {editable ? (
        <form noValidate onSubmit={save}>
          <p id="settings-intro">{t('moderation.settingsIntro')}</p>
          {choices.map((choice) => (
            <div class="choice" key={choice.name}>
              <input
                type="checkbox"
                id={`setting-${choice.name}`}
                aria-describedby={`setting-${choice.name}-hint`}
                checked={values[choice.name]}
                onChange={(event) => setValues({ ...values, [choice.name]: event.currentTarget.checked })}
              />
              <label for={`setting-${choice.name}`}>{t(choice.label)}</label>
              <span class="hint" id={`setting-${choice.name}-hint`}>
                {t(choice.hint)}
              </span>
            </div>
          ))}
          <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
            {t('moderation.saveSettings')}
          </BusyButton>
          <StatusMessage status={status} />
        </form>
      ) : (
        <>
          <ul>
            {choices.map((choice) => (
              <li key={choice.name}>{`${t(choice.label)}: ${t(settings[choice.name] ? 'moderation.allowed' : 'moderation.notAllowed')}`}</li>
            ))}
          </ul>
          <p class="muted">{t('moderation.settingsReadOnly')}</p>
        </>
      )}
    </section>
  );
}
