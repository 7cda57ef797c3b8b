/**
 * A project's Quality Labels (?id=<projectId>), a Preact island built from the
 * kit: GET /projects/{id}/labels (newest first, "Show more") with each
 * result (its badge by outcome, the scores in a table, the feedback), and the
 * application form (POST /projects/{id}/labels). The server judges the form:
 * its 400 problems go next to their (nested) fields, its 409 (yearly quota,
 * an open application) is said as it says it. The form is offered only when
 * applying is possible: a first application, or, after a label that was not
 * granted, the one review DOMAIN.md allows, which names the criteria to be
 * judged again.
 */
import type { LabelApplicationResponse, LabelApplicationsPage } from '../../../../../functions/http/labels/schemas.ts';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AbsoluteDate } from '../../../components/kit/Dates.tsx';
import { Badge, type BadgeVariant } from '../../../components/kit/Badge.tsx';
import { BusyButton } from '../../../components/kit/BusyButton.tsx';
import { EmptyState } from '../../../components/kit/EmptyState.tsx';
import { FieldError, FormField, errorId } from '../../../components/kit/FormField.tsx';
import { readerLocale } from '../../../components/kit/format.ts';
import { Pager } from '../../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../../components/kit/usePagedList.ts';
import { ApiError, apiGet, apiPost } from '../../common/api.ts';
import { fillParts } from '../../common/fill-parts.ts';
import { applicationBody, applicationFields, applyingOffer, emptyApplication, fieldId, subOf, type ApplicationValues, type ApplyingOffer } from './labels-page.ts';
import { fill, language, pageUrl, requireSession, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import {
  criterionKey,
  eligibilityDeclarations,
  isInvalid,
  labelCriteria,
  mandatoryPoints,
  placeProblems,
  pointKey,
  type LabelCriterion,
  type PlacedProblems,
} from './quality-labels.ts';
import { projectIdOfPage } from '../twinspace-project.ts';

const locale = readerLocale(language, navigator.languages);

const outcome: Record<LabelApplicationResponse['status'], BadgeVariant> = { waiting: 'neutral', granted: 'success', 'not-granted': 'danger' };

export default function LabelsPage() {
  const [opened] = useState(() => {
    const session = requireSession();
    return session ? { projectId: projectIdOfPage(), me: subOf(session.idToken) } : undefined;
  });
  if (!opened) return null;
  const { projectId, me } = opened;
  return (
    <>
      <p>
        <a href={projectId ? pageUrl('twinspace', { id: projectId }) : pageUrl('desktop')}>{t('diary.back')}</a>
      </p>
      {projectId ? <Labels projectId={projectId} me={me} /> : <StatusMessage status={{ tone: 'error', text: t('twinspace.missingId') }} />}
    </>
  );
}

function Labels({ projectId, me }: { projectId: string; me: string }) {
  const labelsPath = `/projects/${encodeURIComponent(projectId)}/labels`;
  const applications = usePagedList<LabelApplicationResponse>((cursor) => {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<LabelApplicationsPage>(`${labelsPath}?${query}`);
  });
  const [listStatus, setListStatus] = useState<Status>();

  useEffect(() => {
    applications
      .reload()
      .then(() => {
        // The desktop's "Request a Quality Label" links to #apply-form: it exists only now.
        if (location.hash) requestAnimationFrame(() => document.getElementById(location.hash.slice(1))?.scrollIntoView());
      })
      .catch((error: unknown) => failed(error, setListStatus));
  }, []);

  if (!applications.loaded) {
    return (
      <>
        <StatusMessage status={listStatus} />
        {!listStatus && <p class="muted">{t('common.loading')}</p>}
      </>
    );
  }

  const items = applications.items;
  return (
    <>
      <section class="card" aria-labelledby="applications-heading">
        <h2 id="applications-heading" tabindex={-1}>
          {t('qualityLabels.applications')}
        </h2>
        <StatusMessage status={listStatus} />
        <ul id="application-list" class="plain label-list">
          {items.map((application) => (
            <Application key={application.labelId} application={application} reviewed={items.find((each) => each.labelId === application.reviewOf?.labelId)} />
          ))}
        </ul>
        {items.length === 0 && <EmptyState>{t('qualityLabels.none')}</EmptyState>}
        <Pager
          done={applications.done}
          label={t('qualityLabels.more')}
          busyLabel={t('common.busy')}
          onMore={() => applications.more().catch((error: unknown) => failed(error, setListStatus))}
        />
      </section>
      <Applying offer={applyingOffer(items, me)} labelsPath={labelsPath} onApplied={() => applications.reload()} />
    </>
  );
}

function Application({ application, reviewed }: { application: LabelApplicationResponse; reviewed?: LabelApplicationResponse }) {
  const evaluation = application.evaluation;
  return (
    <li>
      <h3>{fillParts(t('qualityLabels.applicant'), { name: application.applicantName, date: <AbsoluteDate value={application.submittedAt} locale={locale} /> })}</h3>
      <p>
        <Badge variant={outcome[application.status]}>{t(`qualityLabels.status.${application.status}`)}</Badge>
      </p>
      {application.reviewOf && (
        <p class="muted">
          {fillParts(t('qualityLabels.reviewOf'), {
            date: reviewed ? <AbsoluteDate value={reviewed.submittedAt} locale={locale} /> : '—',
            criteria: application.reviewOf.criteria.map((criterion) => t(criterionKey(criterion))).join(', '),
          })}
        </p>
      )}
      {evaluation && (
        <>
          <p>{fill('qualityLabels.total', { total: String(evaluation.total), passMark: String(evaluation.passMark) })}</p>
          <table class="score-table">
            <thead>
              <tr>
                <th scope="col">{t('qualityLabels.criterionHeading')}</th>
                <th scope="col">{t('qualityLabels.scoreHeading')}</th>
                <th scope="col">{t('qualityLabels.feedbackHeading')}</th>
              </tr>
            </thead>
            <tbody>
              {labelCriteria.map((criterion) => (
                <tr key={criterion}>
                  <th scope="row">{t(criterionKey(criterion))}</th>
                  <td>{fill('qualityLabels.score', { score: String(evaluation.scores[criterion]) })}</td>
                  <td class="label-feedback">{evaluation.feedback[criterion]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="score-table points-table">
            <thead>
              <tr>
                <th scope="col">{t('qualityLabels.pointHeading')}</th>
                <th scope="col">{t('qualityLabels.scoreHeading')}</th>
              </tr>
            </thead>
            <tbody>
              {mandatoryPoints.map((point) => (
                <tr key={point}>
                  <th scope="row">{t(pointKey(point))}</th>
                  <td>{fill('qualityLabels.pointScore', { score: String(evaluation.mandatory[point]) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </li>
  );
}

/** The apply section: the advice, then the form (a first application or the review), or why there is none. */
function Applying({ offer, labelsPath, onApplied }: { offer: ApplyingOffer; labelsPath: string; onApplied: () => Promise<unknown> }) {
  const [values, setValues] = useState<ApplicationValues>(emptyApplication);
  const [placed, setPlaced] = useState<PlacedProblems>();
  const [reviewProblem, setReviewProblem] = useState<string>();
  const [status, setStatus] = useState<Status>();
  const [saving, setSaving] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const reviewing = offer.offer === 'review' ? offer.refused : undefined;

  const focusFirstInvalid = () => requestAnimationFrame(() => document.querySelector<HTMLElement>('#apply-form [aria-invalid="true"]')?.focus());

  const submit = async (event: Event) => {
    event.preventDefault();
    setPlaced(undefined);
    setStatus(undefined);
    const checked = applicationBody(values, reviewing);
    if ('problem' in checked) {
      setReviewProblem(t(checked.problem));
      requestAnimationFrame(() => document.querySelector<HTMLElement>('#review input')?.focus());
      return;
    }
    setReviewProblem(undefined);
    setSaving(true);
    try {
      await apiPost<LabelApplicationResponse>(labelsPath, checked.body);
    } catch (error) {
      setSaving(false);
      const found = error instanceof ApiError && error.status === 400 ? placeProblems(error.details, applicationFields) : undefined;
      if (found) {
        setPlaced(found);
        focusFirstInvalid();
      } else failed(error, setStatus);
      return;
    }
    setSaving(false);
    setValues(emptyApplication());
    setStatus({ tone: 'success', text: t('qualityLabels.applied') });
    await onApplied().catch((error: unknown) => failed(error, setStatus));
    heading.current?.focus();
  };

  const setEvidence = (criterion: LabelCriterion, part: 'text' | 'links') => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, evidence: { ...values.evidence, [criterion]: { ...values.evidence[criterion], [part]: event.currentTarget.value } } });

  return (
    <section class="card" aria-labelledby="apply-heading">
      <h2 id="apply-heading" tabindex={-1} ref={heading}>
        {t(reviewing ? 'qualityLabels.reviewHeading' : 'qualityLabels.apply')}
      </h2>
      <p class="notice">{t('qualityLabels.advice')}</p>
      {offer.offer === 'none' && <p id="apply-closed" class="notice">{t(offer.why)}</p>}
      {reviewing && (
        <p id="review-intro" class="notice">
          {fillParts(t('qualityLabels.reviewIntro'), { date: <AbsoluteDate value={reviewing.submittedAt} locale={locale} /> })}
        </p>
      )}
      {offer.offer !== 'none' && (
        <form id="apply-form" noValidate onSubmit={(event) => void submit(event)}>
          <fieldset aria-describedby={placed?.messages.eligibility ? errorId('eligibility') : undefined}>
            <legend>{t('qualityLabels.eligibility')}</legend>
            {eligibilityDeclarations.map((declaration) => (
              <div class="choice" key={declaration}>
                <input
                  type="checkbox"
                  id={`declaration-${declaration}`}
                  checked={values.eligibility[declaration]}
                  aria-invalid={isInvalid(placed, `eligibility.${declaration}`) ? 'true' : undefined}
                  onChange={(event) => setValues({ ...values, eligibility: { ...values.eligibility, [declaration]: event.currentTarget.checked } })}
                />
                <label for={`declaration-${declaration}`}>{t(`qualityLabels.declaration.${declaration}`)}</label>
              </div>
            ))}
            <FieldError id={errorId('eligibility')} message={placed?.messages.eligibility} />
          </fieldset>

          {reviewing && (
            <fieldset id="review" aria-describedby={`review-hint${reviewProblem || placed?.messages.reviewOf ? ` ${errorId('review')}` : ''}`}>
              <legend>{t('qualityLabels.review')}</legend>
              <p id="review-hint" class="hint">
                {t('qualityLabels.reviewHint')}
              </p>
              {labelCriteria.map((criterion) => (
                <div class="choice" key={criterion}>
                  <input
                    type="checkbox"
                    id={`review-${criterion}`}
                    checked={values.review.includes(criterion)}
                    aria-invalid={reviewProblem || isInvalid(placed, 'reviewOf') ? 'true' : undefined}
                    onChange={(event) =>
                      setValues({ ...values, review: event.currentTarget.checked ? [...values.review, criterion] : values.review.filter((each) => each !== criterion) })
                    }
                  />
                  <label for={`review-${criterion}`}>{t(criterionKey(criterion))}</label>
                </div>
              ))}
              <FieldError id={errorId('review')} message={reviewProblem ?? placed?.messages.reviewOf} />
            </fieldset>
          )}

          <h3>{t('qualityLabels.evidence')}</h3>
          {labelCriteria.map((criterion) => {
            const text = `evidence.${criterion}.text`;
            const links = `evidence.${criterion}.links`;
            return (
              <fieldset key={criterion}>
                <legend>{t(criterionKey(criterion))}</legend>
                <FormField id={fieldId(text)} label={t('qualityLabels.evidenceText')} error={placed?.messages[text]} invalid={isInvalid(placed, text)}>
                  {(control) => <textarea {...control} rows={3} maxLength={3000} value={values.evidence[criterion].text} onInput={setEvidence(criterion, 'text')} />}
                </FormField>
                <FormField
                  id={fieldId(links)}
                  label={t('qualityLabels.evidenceLinks')}
                  hint={t('qualityLabels.linksHint')}
                  error={placed?.messages[links]}
                  invalid={isInvalid(placed, links)}
                >
                  {(control) => <textarea {...control} rows={2} spellcheck={false} value={values.evidence[criterion].links} onInput={setEvidence(criterion, 'links')} />}
                </FormField>
              </fieldset>
            );
          })}
          <BusyButton type="submit" busy={saving} busyLabel={t('common.busy')}>
            {t(reviewing ? 'qualityLabels.reviewSubmit' : 'qualityLabels.submit')}
          </BusyButton>
        </form>
      )}
      <StatusMessage status={status} />
    </section>
  );
}
