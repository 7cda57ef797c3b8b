/**
 * The TwinSpace's settings on its Home, for its teacher administrators (the
 * policy table's 'manage-project') while the project is open: the
 * TwinSpace's own name and description (the project keeps its title), built
 * from the kit. It saves with the version it read; when someone changed the
 * project meanwhile the server's 409 sentence stands next to the button with
 * a way to reload the current settings. A closed project (read-only) and
 * every other type show no panel. A save is shown at once by the shell and
 * the page (twinspace-project.ts, projectChanged).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProjectDetailResponse, TwinspaceSettingsBodyInput } from '../../../../functions/http/projects/schemas.ts';
import { BusyButton, FormField, StatusMessage, type Status } from '../../components/kit/index.ts';
import { ApiError, apiPut } from '../common/api.ts';
import { problemsByField } from '../common/form-problems.ts';
import { t } from '../common/page.ts';
import { failed } from '../common/problems.ts';
import { currentSession } from '../common/session.ts';
import { currentProject, forgetProject, onProjectChange, projectChanged, projectIdOfPage, twinspaceName } from './twinspace-project.ts';

type Field = 'name' | 'description';

/** Only a teacher administrator of an open project edits the settings. */
const mayEdit = (project: ProjectDetailResponse) => project.myType === 'teacher-admin' && project.state === 'approved';

/**
 * What the form starts from: the TwinSpace's own name (the project's title until one is set) and its own
 * description only. Left empty, Home shows the project's description, so a later edit of the project still shows;
 * prefilling it would copy the project's text into the TwinSpace on the first save and freeze it there.
 */
const valuesOf = (project: ProjectDetailResponse) => ({ name: twinspaceName(project), description: project.twinspace?.description ?? '' });

export default function TwinspaceSettings() {
  const [project, setProject] = useState<ProjectDetailResponse>();
  const [values, setValues] = useState({ name: '', description: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [status, setStatus] = useState<Status>();
  const [stale, setStale] = useState(false);
  const [saving, setSaving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);

  const show = (read: ProjectDetailResponse) => {
    setProject(read);
    setValues(valuesOf(read));
  };

  useEffect(() => {
    if (!projectIdOfPage() || !currentSession()) return;
    // The page says why a project cannot be opened; the panel then stays away.
    currentProject().then(show, () => undefined);
    // Another part of the page changed the project (its version moved on): start from it.
    return onProjectChange((changed) => setProject(changed));
  }, []);

  if (!project || !mayEdit(project)) return null;
  const projectId = project.projectId;

  const save = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    setStale(false);
    const name = values.name.trim();
    if (!name) {
      setProblems({ name: t('tsSettings.nameMissing') });
      nameInput.current?.focus();
      return;
    }
    setProblems({});
    setSaving(true);
    try {
      const body: TwinspaceSettingsBodyInput = { name, description: values.description.trim(), version: project.version };
      const saved = await apiPut<ProjectDetailResponse>(`/projects/${encodeURIComponent(projectId)}/twinspace`, body);
      show(saved);
      projectChanged(saved);
      setStatus({ tone: 'success', text: t('tsSettings.saved') });
    } catch (error) {
      const found = problemsByField(error);
      if (found) setProblems({ name: found.name, description: found.description });
      // The server's sentence says why (changed meanwhile, or closed); reading it again is offered.
      if (error instanceof ApiError && error.status === 409) setStale(true);
      if (!found) failed(error, setStatus);
    } finally {
      setSaving(false);
    }
  };

  /** Reads the project again: the current settings and version (or no panel, if it closed meanwhile). */
  const reload = async () => {
    forgetProject();
    try {
      const read = await currentProject();
      show(read);
      projectChanged(read);
      setStale(false);
      setStatus({ tone: 'success', text: t('tsSettings.reloaded') });
      nameInput.current?.focus();
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [field]: event.currentTarget.value });

  return (
    <section class="card twinspace-settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('tsSettings.heading')}</h2>
      <p class="hint">{t('tsSettings.intro')}</p>
      <form noValidate onSubmit={save}>
        <FormField id="twinspace-name" label={t('tsSettings.name')} error={problems.name}>
          {(control) => <input {...control} ref={nameInput} type="text" required maxLength={120} value={values.name} onInput={set('name')} />}
        </FormField>
        <FormField id="twinspace-description" label={t('tsSettings.description')} hint={t('tsSettings.descriptionHint')} error={problems.description}>
          {(control) => <textarea {...control} rows={4} maxLength={2000} value={values.description} onInput={set('description')} />}
        </FormField>
        <div class="actions">
          <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
            {t('tsSettings.save')}
          </BusyButton>
          {stale && (
            <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={reload}>
              {t('tsSettings.reload')}
            </BusyButton>
          )}
        </div>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
