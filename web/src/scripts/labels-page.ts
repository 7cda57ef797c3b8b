/**
 * A project's Quality Labels (?id=<projectId>): GET /projects/{id}/labels
 * (newest first, paged) with each result, and the application form
 * (POST /projects/{id}/labels). The server judges the form: its 400 problems
 * go next to their fields, its 409 (yearly quota, an open application) is
 * shown as it says it. The form is offered only when applying is possible:
 * a first application, or — after a label that was not granted — the one
 * review DOMAIN.md allows, which names the criteria to be judged again.
 */
import type { ApplyBodyInput, LabelApplicationResponse, LabelApplicationsPage } from '../../../functions/http/labels/schemas.ts';
import { apiGet, apiPost } from './api.ts';
import { fill, pageUrl, requireSession, showError, showStatus, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';
import { clearNestedProblems, labelCriteria, mandatoryPoints, showNestedProblems, when } from './quality-labels.ts';
import { currentProject } from './twinspace-project.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const session = requireSession();
const projectId = new URLSearchParams(location.search).get('id') ?? '';
const labelsPath = `/projects/${encodeURIComponent(projectId)}/labels`;
const list = element<HTMLUListElement>('application-list');
const more = element<HTMLButtonElement>('more-applications');
const form = element<HTMLFormElement>('apply-form');
let cursor: string | null = null;
const applications: LabelApplicationResponse[] = [];

/** My user id, from the ID token's `sub`: to find my own application that may be reviewed. */
function myUserId(): string | undefined {
  try {
    const payload = session?.idToken.split('.')[1] ?? '';
    return (JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: string }).sub;
  } catch {
    return undefined;
  }
}

function facts(rows: [string, string][]): HTMLDListElement {
  const list = document.createElement('dl');
  list.className = 'facts';
  for (const [term, value] of rows) list.append(textElement('dt', term), textElement('dd', value, 'label-feedback'));
  return list;
}

function renderApplication(application: LabelApplicationResponse): HTMLLIElement {
  const item = document.createElement('li');
  const heading = textElement('h3', fill('qualityLabels.applicant', { name: application.applicantName, date: when(application.submittedAt) }));
  item.append(heading, textElement('p', t(`qualityLabels.status.${application.status}`), `badge label-status-${application.status}`));
  if (application.reviewOf) item.append(textElement('p', reviewOfText(application.reviewOf.criteria, applications.find((each) => each.labelId === application.reviewOf?.labelId)), 'muted'));
  const evaluation = application.evaluation;
  if (evaluation) {
    item.append(
      textElement('p', fill('qualityLabels.total', { total: String(evaluation.total), passMark: String(evaluation.passMark) })),
      facts(
        labelCriteria.map((criterion) => [
          t(`qualityLabels.criterion.${criterion}`),
          `${fill('qualityLabels.score', { score: String(evaluation.scores[criterion]) })} — ${evaluation.feedback[criterion]}`,
        ]),
      ),
      facts(mandatoryPoints.map((point) => [t(`qualityLabels.mandatory.${point}`), fill('qualityLabels.pointScore', { score: String(evaluation.mandatory[point]) })])),
    );
  }
  return item;
}

/** "A review of the application of 3 Nov 2026: judge again Use of technology, Results and documentation." */
function reviewOfText(criteria: readonly string[], reviewed: LabelApplicationResponse | undefined): string {
  return fill('qualityLabels.reviewOf', {
    date: reviewed ? when(reviewed.submittedAt) : '—',
    criteria: criteria.map((criterion) => t(`qualityLabels.criterion.${criterion as (typeof labelCriteria)[number]}`)).join(', '),
  });
}

/**
 * What I may do now (DOMAIN.md: one application per teacher and project; after
 * a label not granted, one review of it): apply, ask for the review, or
 * nothing — and then the page says why instead of showing a form the server
 * would refuse.
 */
function offerApplying(): void {
  const me = myUserId();
  const mine = applications.filter((application) => application.applicantId === me);
  const review = element<HTMLFieldSetElement>('review');
  const closed = element('apply-closed');
  const intro = element('review-intro');
  const refused = mine.find((application) => application.status === 'not-granted');
  let why: string | undefined;
  if (mine.some((application) => application.status === 'granted')) why = t('qualityLabels.grantedOwn');
  else if (mine.some((application) => application.reviewOf)) why = t('qualityLabels.reviewedOwn');
  else if (mine.some((application) => application.status === 'waiting')) why = t('qualityLabels.waitingOwn');
  const reviewing = !why && refused !== undefined;
  form.hidden = why !== undefined;
  closed.hidden = why === undefined;
  closed.textContent = why ?? '';
  review.hidden = !reviewing;
  review.dataset.labelId = reviewing ? refused.labelId : '';
  intro.hidden = !reviewing;
  intro.textContent = reviewing ? fill('qualityLabels.reviewIntro', { date: when(refused.submittedAt) }) : '';
  element('apply-heading').textContent = t(reviewing ? 'qualityLabels.reviewHeading' : 'qualityLabels.apply');
  element('apply-submit').textContent = t(reviewing ? 'qualityLabels.reviewSubmit' : 'qualityLabels.submit');
}

/** A review names at least one criterion: said next to the boxes, in the teacher's words, before anything is sent. */
function reviewNeedsCriteria(): boolean {
  const review = element<HTMLFieldSetElement>('review');
  const problem = element('review-error');
  const missing = !review.hidden && new FormData(form).getAll('review').length === 0;
  problem.textContent = missing ? t('qualityLabels.reviewNeedsCriteria') : '';
  problem.hidden = !missing;
  review.toggleAttribute('aria-invalid', missing);
  if (missing) review.querySelector<HTMLInputElement>('input[name="review"]')?.focus();
  return missing;
}

async function loadMore(): Promise<void> {
  const query = new URLSearchParams({ limit: '20' });
  if (cursor) query.set('cursor', cursor);
  const page = await apiGet<LabelApplicationsPage>(`${labelsPath}?${query}`);
  applications.push(...page.items);
  list.append(...page.items.map(renderApplication));
  cursor = page.nextCursor;
  more.hidden = !cursor;
  element('no-applications').hidden = list.children.length > 0;
  offerApplying();
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The form as POST /projects/{id}/labels takes it: the boxes' values and the fields' names are the API's declaration and criterion names. */
function applicationForm(): ApplyBodyInput {
  const fields = new FormData(form);
  const ticked = new Set(fields.getAll('eligibility'));
  const eligibility = Object.fromEntries(
    [...form.querySelectorAll<HTMLInputElement>('input[name="eligibility"]')].map((box) => [box.value, ticked.has(box.value)]),
  ) as ApplyBodyInput['eligibility'];
  const evidence = Object.fromEntries(
    labelCriteria.map((criterion) => [
      criterion,
      { text: String(fields.get(`${criterion}.text`) ?? ''), links: lines(String(fields.get(`${criterion}.links`) ?? '')) },
    ]),
  ) as ApplyBodyInput['evidence'];
  const review = element('review');
  const criteria = fields.getAll('review').map(String) as NonNullable<ApplyBodyInput['reviewOf']>['criteria'];
  const reviewOf = !review.hidden && review.dataset.labelId ? { labelId: review.dataset.labelId, criteria } : undefined;
  return { eligibility, evidence, ...(reviewOf ? { reviewOf } : {}) };
}

function setUpApplying(): void {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (reviewNeedsCriteria()) return;
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.disabled = true;
    try {
      const application = await apiPost<LabelApplicationResponse>(labelsPath, applicationForm());
      clearNestedProblems(form);
      form.reset();
      applications.unshift(application);
      list.prepend(renderApplication(application));
      element('no-applications').hidden = true;
      offerApplying();
      showStatus(t('qualityLabels.applied'));
      element('applications-heading').focus();
    } catch (error) {
      if (showNestedProblems(form, error)) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      else reportFailure(error);
    } finally {
      submit.disabled = false;
    }
  });
}

async function showLabels(): Promise<void> {
  currentProject().then(
    (project) => {
      const title = element('labels-project');
      title.textContent = project.title;
      title.hidden = false;
    },
    () => undefined,
  );
  element<HTMLAnchorElement>('back-link').href = pageUrl('twinspace', { id: projectId });
  await loadMore();
  element('labels').hidden = false;
}

if (session) {
  if (!projectId) {
    showError(t('twinspace.missingId'));
    element('labels-loading').hidden = true;
  } else {
    setUpApplying();
    more.addEventListener('click', () => loadMore().catch(reportFailure));
    showLabels()
      .catch(reportFailure)
      .finally(() => (element('labels-loading').hidden = true));
  }
}
