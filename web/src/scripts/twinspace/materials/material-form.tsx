/**
 * "Add an album, a folder or a video": in an area the member adds to (the
 * one shown when they may), a title, an optional description and, for a
 * video, its YouTube or Vimeo link (checked here with the server's own
 * parseVideoUrl first). Once added, the material opens (an album or folder
 * is where its uploads go), saying whether it waits for publishing. Loaded
 * on demand (materials-view.tsx OnDemand).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Area } from '../../../../../functions/domain/areas.ts';
import type { MaterialKind } from '../../../../../functions/domain/materials.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { MaterialResponse } from '../../../../../functions/http/materials/schemas.ts';
import { BusyButton, FormField, StatusMessage } from '../../../components/kit/index.ts';
import { apiPost } from '../../common/api.ts';
import { useCheckedForm, worded } from '../../common/checked-form.ts';
import { fill, t } from '../../common/page.ts';
import { goWith } from '../../common/flash.ts';
import { newMaterialBody, type NewMaterialField, type NewMaterialValues } from './material-form-page.ts';
import { addableAreas, areaKey, kindsShown } from './materials-page.ts';
import { materialsPath, viewUrl } from './materials-view.tsx';
import { acknowledged, useGuardedSend, type HeldAnswer } from '../guarded-send.tsx';

export function NewMaterial({ projectId, area, type }: { projectId: string; area: Area; type: TwinspaceType }) {
  const addable = addableAreas(type);
  const [values, setValues] = useState<NewMaterialValues>({ area: addable.includes(area) ? area : addable[0]!, kind: 'album', title: '', description: '', videoUrl: '' });
  const { problems, status, saving, form, showProblems, send } = useCheckedForm<NewMaterialField | 'area' | 'kind'>('materials.checkFields');
  // Opened by its button, which is gone: focus goes to the form's first choice.
  useEffect(() => form.current?.querySelector<HTMLElement>('input:checked')?.focus(), []);
  const set = (name: NewMaterialField) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });

  const guard = useGuardedSend();

  /** Sends the form; `confirmed`: a teacher warned of personal data adds it anyway. */
  const submit = async (confirmed = false) => {
    guard.reset();
    const checked = newMaterialBody(values);
    if ('problems' in checked) return showProblems(worded(checked.problems));
    await send(async () => {
      let answer: MaterialResponse | HeldAnswer;
      try {
        answer = await apiPost<MaterialResponse | HeldAnswer>(materialsPath(projectId), { ...checked.body, ...acknowledged(confirmed) });
      } catch (error) {
        if (guard.warned(error, () => void submit(true))) return undefined;
        throw error;
      }
      // Held for a teacher: nothing was added; the form keeps what was typed, with the reason.
      if (guard.held(answer)) return undefined;
      const said = fill(answer.status === 'pending' ? 'materials.createdPending' : 'materials.created', { title: answer.title });
      goWith(viewUrl(projectId, { area: answer.area, material: answer.materialId }), said);
      return { tone: 'success', text: said };
    });
  };

  return (
    <section class="card" id="new-material" aria-labelledby="new-material-heading">
      <h2 id="new-material-heading">{t('materials.new')}</h2>
      <form
        ref={form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <fieldset>
          <legend>{t('materials.kind')}</legend>
          {kindsShown.map((kind) => (
            <div class="choice" key={kind}>
              <input
                id={`new-kind-${kind}`}
                type="radio"
                name="kind"
                value={kind}
                checked={values.kind === kind}
                onChange={() => setValues({ ...values, kind: kind as MaterialKind })}
              />
              <label for={`new-kind-${kind}`}>{t(`materials.kind.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        <FormField id="new-area" label={t('pagesArea.area')} error={problems.area}>
            {(control) => (
              <select {...control} value={values.area} onChange={(event) => setValues({ ...values, area: event.currentTarget.value as Area })}>
                {addable.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {t(areaKey(candidate))}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        <FormField id="new-title" label={t('materials.materialTitle')} error={problems.title}>
          {(control) => <input {...control} type="text" maxLength={200} required value={values.title} onInput={set('title')} />}
        </FormField>
        <FormField id="new-description" label={t('materials.description')} error={problems.description}>
          {(control) => <textarea {...control} rows={3} maxLength={2000} value={values.description} onInput={set('description')} />}
        </FormField>
        {values.kind === 'video' && (
          <FormField id="new-video-url" label={t('materials.videoUrl')} hint={t('materials.videoUrlHint')} error={problems.videoUrl}>
            {(control) => (
              <input {...control} type="url" maxLength={500} required autocapitalize="none" spellcheck={false} value={values.videoUrl} onInput={set('videoUrl')} />
            )}
          </FormField>
        )}
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('materials.create')}
        </BusyButton>
        <StatusMessage status={status} />
        {guard.view}
      </form>
    </section>
  );
}
