/**
 * An evaluator's page, a Preact island built from the kit, opened only for
 * evaluators (KindOnly + kind-gate.ts: nobody else fires a request the API
 * must refuse): GET /evaluations?status=pending (oldest first, "Show more")
 * and, under each application, its evidence and the scoring form
 * (POST /labels/{id}/evaluation): five criteria 0..6 with feedback each,
 * three mandatory points 0..2. A review says so in its form, naming the
 * criteria to judge again. The answer's verdict is said once, above the list,
 * in the style of its result (a refusal never in the success style); the
 * application leaves the list.
 */
import type { LabelApplicationResponse, LabelApplicationsPage } from '../../../../../functions/http/labels/schemas.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { BusyButton } from '../../../components/kit/BusyButton.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { FormField } from '../../../components/kit/FormField.tsx';
import { readerLocale } from '../../../components/kit/format.ts';
import { Pager } from '../../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { ApiError, apiGet, apiPost } from '../../common/api.ts';
import { emptyEvaluation, evaluationBody, evaluationFields, verdictOf, type EvaluationValues } from './evaluations-page.ts';
import { fillParts } from '../../common/fill-parts.ts';
import { whenKindAllows } from '../../common/kind-gate.ts';
import { fill, language, requireSession, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { criterionKey, isInvalid, isSafeEvidenceLink, labelCriteria, mandatoryPoints, placeProblems, pointKey, type PlacedProblems } from './quality-labels.ts';

const locale = readerLocale(language, navigator.languages);

export default function EvaluationsPage() {
  const [allowed, setAllowed] = useState(false);
  useEffect(() => {
    if (!requireSession()) return;
    void whenKindAllows('evaluations-page').then(setAllowed);
  }, []);
  return <Evaluations allowed={allowed} />;
}

interface Verdict {
  text: string;
  granted: boolean;
}

/** The list; read once the kind gate allows it (until then, and while the first page loads, "Loading…"). */
function Evaluations({ allowed }: { allowed: boolean }) {
  const applications = usePagedList<LabelApplicationResponse>((cursor) => {
    const query = new URLSearchParams({ status: 'pending', limit: '10' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<LabelApplicationsPage>(`/evaluations?${query}`);
  });
  const [listStatus, setListStatus] = useState<Status>();
  const [judged, setJudged] = useState<readonly string[]>([]);
  const [verdict, setVerdict] = useState<Verdict>();
  const verdictRegion = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (allowed) applications.reload().catch((error: unknown) => failed(error, setListStatus));
  }, [allowed]);

  const recorded = (labelId: string, shown: Verdict) => {
    setJudged((before) => [...before, labelId]);
    setVerdict(shown);
    requestAnimationFrame(() => verdictRegion.current?.focus());
  };

  const waiting = applications.items.filter((application) => !judged.includes(application.labelId));
  return (
    <>
      {!applications.loaded && !listStatus && (
        <p id="evaluations-loading" class="muted">
          {t('common.loading')}
        </p>
      )}
      {/* Said once, in its own place, in the style of its result. */}
      <div
        id="verdict"
        ref={verdictRegion}
        class={`notice ${verdict ? (verdict.granted ? 'verdict-granted' : 'verdict-not-granted') : ''}`}
        role="status"
        tabindex={-1}
        hidden={!verdict}
      >
        {verdict?.text ?? ''}
      </div>
      <section class="card" aria-labelledby="evaluations-heading">
        <h2 id="evaluations-heading" tabindex={-1}>
          {t('evaluations.waiting')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul id="evaluation-list" class="plain decision-list evaluation-list">
          {waiting.map((application) => (
            <Application key={application.labelId} application={application} onRecorded={(shown) => recorded(application.labelId, shown)} />
          ))}
        </ul>
        {applications.loaded && waiting.length === 0 && <EmptyState>{t('evaluations.none')}</EmptyState>}
        {applications.loaded && (
          <Pager
            done={applications.done}
            label={t('evaluations.more')}
            busyLabel={t('common.busy')}
            onMore={() => applications.more().catch((error: unknown) => failed(error, setListStatus))}
          />
        )}
      </section>
    </>
  );
}

function Application({ application, onRecorded }: { application: LabelApplicationResponse; onRecorded: (verdict: Verdict) => void }) {
  const key = application.labelId;
  const headingId = `application-${key}`;
  const reviewId = `review-${key}`;
  const [values, setValues] = useState<EvaluationValues>(emptyEvaluation);
  const [placed, setPlaced] = useState<PlacedProblems>();
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = (group: keyof EvaluationValues, name: string) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [group]: { ...values[group], [name]: event.currentTarget.value } });

  const submit = async (event: Event) => {
    event.preventDefault();
    setPlaced(undefined);
    setStatus(undefined);
    setSaving(true);
    let judged: LabelApplicationResponse;
    try {
      judged = await apiPost<LabelApplicationResponse>(`/labels/${encodeURIComponent(key)}/evaluation`, evaluationBody(values));
    } catch (error) {
      setSaving(false);
      const found = error instanceof ApiError && error.status === 400 ? placeProblems(error.details, evaluationFields) : undefined;
      if (found) {
        setPlaced(found);
        requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      } else failed(error, setStatus);
      return;
    }
    const verdict = verdictOf(judged);
    onRecorded({ text: verdict ? fill(verdict.key, verdict.values) : '', granted: verdict?.granted ?? false });
  };

  const field = (group: keyof EvaluationValues, name: string, id: string, label: string, max?: number) => {
    const path = `${group}.${name}`;
    return (
      <FormField id={id} label={label} error={placed?.messages[path]} invalid={isInvalid(placed, path)}>
        {(control) =>
          max === undefined ? (
            <textarea {...control} rows={2} maxLength={3000} value={values.feedback[name as keyof EvaluationValues['feedback']]} onInput={set(group, name)} />
          ) : (
            <input
              {...control}
              class="score-input"
              type="number"
              min={0}
              max={max}
              step={1}
              inputMode="numeric"
              value={(values[group] as Record<string, string>)[name]}
              onInput={set(group, name)}
            />
          )
        }
      </FormField>
    );
  };

  return (
    <li>
      <h3 id={headingId}>{application.projectTitle}</h3>
      <p class="muted">
        {fillParts(t('evaluations.applicant'), {
          name: application.applicantName,
          school: application.applicantSchool ?? application.country,
          date: <AbsoluteDate value={application.submittedAt} locale={locale} />,
        })}
      </p>
      <h4>{t('qualityLabels.evidence')}</h4>
      <dl class="facts">
        {labelCriteria.map((criterion) => {
          const shown = application.evidence[criterion];
          return (
            <div key={criterion}>
              <dt>{t(criterionKey(criterion))}</dt>
              <dd>
                <p class="evidence-text">{shown.text}</p>
                {shown.links.length > 0 && (
                  <ul>
                    {shown.links.map((link, index) => (
                      <li key={index}>{isSafeEvidenceLink(link) ? <a href={link}>{link}</a> : <span>{link}</span>}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <form ref={form} noValidate aria-labelledby={headingId} aria-describedby={application.reviewOf ? reviewId : undefined} onSubmit={(event) => void submit(event)}>
        {application.reviewOf && (
          <p id={reviewId} class="notice review-notice">
            {fill('evaluations.review', { criteria: application.reviewOf.criteria.map((criterion) => t(criterionKey(criterion))).join(', ') })}
          </p>
        )}
        {labelCriteria.map((criterion) => (
          <fieldset key={criterion}>
            <legend>{t(criterionKey(criterion))}</legend>
            {field('scores', criterion, `score-${key}-${criterion}`, t('evaluations.score'), 6)}
            {field('feedback', criterion, `feedback-${key}-${criterion}`, t('evaluations.feedback'))}
          </fieldset>
        ))}
        <fieldset>
          <legend>{t('evaluations.mandatory')}</legend>
          {mandatoryPoints.map((point) => (
            <div key={point}>{field('mandatory', point, `point-${key}-${point}`, t(pointKey(point)), 2)}</div>
          ))}
        </fieldset>
        <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
          {t('evaluations.submit')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
    </li>
  );
}
