/**
 * The create and edit project pages, one Preact island built from the kit
 * (its rules, pure, in project-form.ts). Both show the project's describing
 * fields (ProjectFields), check them before sending and put the server's
 * field problems next to their fields; the outcome is said next to the buttons.
 *  - new: only teachers create projects: a guest or pupil is told so before
 *    any form (KindOnly + kind-gate.ts). The partner teacher is named too;
 *    POST /projects, then back to the desktop.
 *  - edit (?id=): founders, while proposed or rejected: PUT /projects/{id}
 *    with the version read (a 409 because the project moved on keeps what was
 *    typed and says so), and for a rejected project "save and resubmit".
 */
import type { ProjectDetailResponse } from '../../../../functions/http/projects/schemas.ts';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { FieldError, FormField } from '../../components/kit/FormField.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { ApiError, apiGet, apiPost, apiPut } from '../common/api.ts';
import { focusFirstInvalid } from '../common/focus-invalid.ts';
import { problemsByField } from '../common/form-problems.ts';
import { whenKindAllows } from '../common/kind-gate.ts';
import { pageUrl, requireSession, t } from '../common/page.ts';
import { failed } from '../common/problems.ts';
import {
  createBody,
  editBody,
  emptyProject,
  isStaleVersion,
  projectProblems,
  valuesOf,
  type ProjectField,
  type ProjectProblems,
  type ProjectValues,
} from './project-form.ts';

type Problems = Partial<Record<ProjectField, string>>;
const projectFields: readonly ProjectField[] = ['title', 'description', 'subjects', 'ages', 'languages', 'partnerUsername'];

const translated = (problems: ProjectProblems): Problems =>
  Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)]));

/** A 400's problems with the form's fields, or undefined when none of them is about a field shown. */
function serverProblems(error: unknown): Problems | undefined {
  const found = problemsByField(error);
  const shown = found && Object.fromEntries(Object.entries(found).filter(([field]) => (projectFields as readonly string[]).includes(field)));
  return shown && Object.keys(shown).length ? shown : undefined;
}

/** The form's state and how it says a refusal: field by field, a sentence next to the buttons, focus on the first field. */
function useProjectForm(formId: string, initial: ProjectValues) {
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [status, setStatus] = useState<Status>();
  const refuse = (found: Problems) => {
    setProblems(found);
    setStatus({ tone: 'error', text: t('newProject.checkFields') });
    focusFirstInvalid(formId);
  };
  /** Checks what can be checked here; true when the form may be sent. */
  const check = (required: Parameters<typeof projectProblems>[1]) => {
    setProblems({});
    setStatus(undefined);
    const found = translated(projectProblems(values, required));
    if (Object.keys(found).length === 0) return true;
    refuse(found);
    return false;
  };
  /** A failed send: a 400's field problems next to their fields, anything else in the status. */
  const fail = (error: unknown) => {
    const found = serverProblems(error);
    if (found) refuse(found);
    else failed(error, setStatus);
  };
  return { values, setValues, problems, status, setStatus, check, fail };
}

/** The project's describing fields (title, description, subjects, pupils' ages, languages). */
function ProjectFields({ values, onInput, problems }: { values: ProjectValues; onInput: (values: ProjectValues) => void; problems: Problems }) {
  const set = (field: keyof ProjectValues) => (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    onInput({ ...values, [field]: event.currentTarget.value });
  return (
    <>
      <FormField id="project-title" label={t('newProject.projectTitle')} error={problems.title}>
        {(control) => <input {...control} name="title" type="text" maxLength={200} required value={values.title} onInput={set('title')} />}
      </FormField>
      <FormField id="project-description" label={t('newProject.description')} error={problems.description}>
        {(control) => <textarea {...control} name="description" rows={5} required value={values.description} onInput={set('description')} />}
      </FormField>
      <FormField id="project-subjects" label={t('newProject.subjects')} hint={t('newProject.subjectsHint')} error={problems.subjects}>
        {(control) => <input {...control} name="subjects" type="text" required value={values.subjects} onInput={set('subjects')} />}
      </FormField>
      <fieldset>
        <legend>{t('newProject.ages')}</legend>
        <div class="inline-fields">
          <FormField id="ages-min" label={t('newProject.agesMin')} describedBy={['ages-error']} invalid={!!problems.ages}>
            {(control) => (
              <input {...control} name="agesMin" type="number" inputMode="numeric" min={3} max={20} required value={values.agesMin} onInput={set('agesMin')} />
            )}
          </FormField>
          <FormField id="ages-max" label={t('newProject.agesMax')} describedBy={['ages-error']} invalid={!!problems.ages}>
            {(control) => (
              <input {...control} name="agesMax" type="number" inputMode="numeric" min={3} max={20} required value={values.agesMax} onInput={set('agesMax')} />
            )}
          </FormField>
        </div>
        <FieldError id="ages-error" message={problems.ages} />
      </fieldset>
      <FormField id="project-languages" label={t('newProject.languages')} hint={t('newProject.languagesHint')} error={problems.languages}>
        {(control) => <input {...control} name="languages" type="text" required value={values.languages} onInput={set('languages')} />}
      </FormField>
    </>
  );
}

export default function ProjectPage({ mode }: { mode: 'new' | 'edit' }) {
  const [session] = useState(requireSession);
  if (!session) return null;
  return mode === 'new' ? <NewProject /> : <EditProject />;
}

/** Create a project: its description and one partner teacher from another country (→ proposed). */
function NewProject() {
  const [allowed, setAllowed] = useState(false);
  const [saving, setSaving] = useState(false);
  const form = useProjectForm('new-project-form', emptyProject);
  const { values, problems } = form;

  // Only teachers create projects: anyone else is told so before the form (KindOnly).
  useEffect(() => {
    void whenKindAllows('new-project').then(setAllowed);
  }, []);
  if (!allowed) return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!form.check(['title', 'description', 'subjects', 'languages', 'partnerUsername'])) return;
    setSaving(true);
    try {
      const project = await apiPost<ProjectDetailResponse>('/projects', createBody(values));
      location.assign(pageUrl('desktop', { created: project.title }));
    } catch (error) {
      form.fail(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form id="new-project-form" method="post" noValidate onSubmit={submit}>
      <ProjectFields values={values} onInput={form.setValues} problems={problems} />
      <FormField id="project-partner" label={t('newProject.partner')} hint={t('newProject.partnerHint')} error={problems.partnerUsername}>
        {(control) => (
          <input
            {...control}
            name="partnerUsername"
            type="text"
            autoCapitalize="none"
            spellcheck={false}
            required
            value={values.partnerUsername}
            onInput={(event) => form.setValues({ ...values, partnerUsername: event.currentTarget.value })}
          />
        )}
      </FormField>
      <BusyButton type="submit" busy={saving} busyLabel={t('newProject.busy')}>
        {t('newProject.submit')}
      </BusyButton>
      <StatusMessage status={form.status} />
    </form>
  );
}

/** Edit a proposed or rejected project (founders), and resubmit a rejected one for approval. */
function EditProject() {
  const projectId = new URLSearchParams(location.search).get('id') ?? '';
  const path = `/projects/${encodeURIComponent(projectId)}`;
  const [project, setProject] = useState<ProjectDetailResponse>();
  const [loading, setLoading] = useState(true);
  const [loadStatus, setLoadStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  /** The version the form was read at (moves on with each save of ours). */
  const version = useRef(0);
  const form = useProjectForm('edit-project-form', emptyProject);

  useEffect(() => {
    apiGet<ProjectDetailResponse>(path)
      .then((read) => {
        version.current = read.version;
        form.setValues(valuesOf(read));
        setProject(read);
      })
      .catch((error: unknown) => failed(error, setLoadStatus))
      .finally(() => setLoading(false));
  }, []);

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const resubmit = (event.submitter as HTMLButtonElement | null)?.value === 'resubmit';
    if (!form.check(['title', 'description', 'subjects', 'languages'])) return;
    setSaving(true);
    try {
      const saved = await apiPut<ProjectDetailResponse>(path, editBody(form.values, version.current));
      version.current = saved.version;
      if (resubmit) {
        await apiPost(`${path}/resubmission`);
        location.assign(pageUrl('twinspace', { id: projectId }));
        return;
      }
      form.setStatus({ tone: 'success', text: t('editProject.saved') });
    } catch (error) {
      // Changed elsewhere: what was typed stays, and the version read too (reload to see the latest).
      if (error instanceof ApiError && isStaleVersion(error.status, error.code, error.message)) form.setStatus({ tone: 'error', text: t('editProject.stale') });
      else form.fail(error);
    } finally {
      setSaving(false);
    }
  };

  const mayEdit = !!project?.myActions.includes('edit');
  return (
    <>
      {loading && <p class="muted">{t('common.loading')}</p>}
      <StatusMessage status={loadStatus} />
      {project?.state === 'rejected' && project.rejectionReason && (
        <p class="notice">
          {t('editProject.rejectedBecause')} {project.rejectionReason}
        </p>
      )}
      {project && !mayEdit && <p class="notice">{t('editProject.notEditable')}</p>}
      {project && mayEdit && (
        <form id="edit-project-form" method="post" noValidate onSubmit={submit}>
          <ProjectFields values={form.values} onInput={form.setValues} problems={form.problems} />
          <div class="actions">
            <BusyButton type="submit" name="step" value="save" busy={saving} busyLabel={t('editProject.busy')}>
              {t('editProject.save')}
            </BusyButton>
            {project.myActions.includes('resubmit') && (
              <BusyButton type="submit" name="step" value="resubmit" busy={saving} busyLabel={t('editProject.busy')}>
                {t('editProject.saveAndResubmit')}
              </BusyButton>
            )}
          </div>
          <StatusMessage status={form.status} />
        </form>
      )}
    </>
  );
}
