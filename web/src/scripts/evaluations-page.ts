/**
 * An evaluator's page: GET /evaluations?status=pending (oldest first, paged)
 * and, under each application, the scoring form (POST /labels/{id}/evaluation):
 * five criteria 0..6 with feedback each, three mandatory points 0..2. The
 * answer says whether the label is granted; the application leaves the list.
 */
import type { MessageKey } from '../i18n/index.ts';
import type { LabelApplicationResponse, LabelApplicationsPage } from '../../../functions/http/labels/schemas.ts';
import { apiGet, apiPost } from './api.ts';
import { fill, requireSession, t, textElement } from './page.ts';
import { reportFailure } from './problems.ts';
import { evidenceLink, labelCriteria, mandatoryPoints, showNestedProblems, when } from './quality-labels.ts';
import { whenKindAllows } from './kind-gate.ts';

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const session = requireSession();
const list = element<HTMLUListElement>('evaluation-list');
const more = element<HTMLButtonElement>('more-evaluations');
let cursor: string | null = null;

/** A labelled field (input or textarea) with its problem slot, named by `field` (e.g. 'scores.technology'). */
function field(id: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, name: string): HTMLDivElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'field';
  const caption = textElement('label', label);
  caption.htmlFor = id;
  control.id = id;
  control.name = name;
  control.dataset.field = name;
  const problem = textElement('p', '', 'field-error');
  problem.id = `${id}-error`;
  problem.dataset.fieldError = name;
  problem.hidden = true;
  control.setAttribute('aria-describedby', problem.id);
  wrapper.append(caption, control, problem);
  return wrapper;
}

function scoreInput(max: number): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'number';
  input.min = '0';
  input.max = String(max);
  input.step = '1';
  input.inputMode = 'numeric';
  input.className = 'score-input';
  return input;
}

function evidenceOf(application: LabelApplicationResponse): HTMLElement {
  const evidence = document.createElement('dl');
  evidence.className = 'facts';
  for (const criterion of labelCriteria) {
    const shown = application.evidence[criterion];
    const value = document.createElement('dd');
    value.append(textElement('p', shown.text, 'evidence-text'));
    if (shown.links.length > 0) {
      const links = document.createElement('ul');
      for (const link of shown.links) {
        const item = document.createElement('li');
        item.append(evidenceLink(link));
        links.append(item);
      }
      value.append(links);
    }
    evidence.append(textElement('dt', t(`qualityLabels.criterion.${criterion}`)), value);
  }
  return evidence;
}

function scoringForm(application: LabelApplicationResponse, item: HTMLLIElement): HTMLFormElement {
  const key = application.labelId;
  const form = document.createElement('form');
  form.noValidate = true;
  form.setAttribute('aria-labelledby', `application-${key}`);
  const scores = new Map<string, HTMLInputElement>();
  const feedback = new Map<string, HTMLTextAreaElement>();
  for (const criterion of labelCriteria) {
    const group = document.createElement('fieldset');
    group.append(textElement('legend', t(`qualityLabels.criterion.${criterion}`)));
    const score = scoreInput(6);
    const words = document.createElement('textarea');
    words.rows = 2;
    words.maxLength = 3000;
    scores.set(criterion, score);
    feedback.set(criterion, words);
    group.append(
      field(`score-${key}-${criterion}`, t('evaluations.score'), score, `scores.${criterion}`),
      field(`feedback-${key}-${criterion}`, t('evaluations.feedback'), words, `feedback.${criterion}`),
    );
    form.append(group);
  }
  const mandatory = document.createElement('fieldset');
  mandatory.append(textElement('legend', t('evaluations.mandatory')));
  const points = new Map<string, HTMLInputElement>();
  for (const point of mandatoryPoints) {
    const input = scoreInput(2);
    points.set(point, input);
    mandatory.append(field(`point-${key}-${point}`, t(`qualityLabels.mandatory.${point}`), input, `mandatory.${point}`));
  }
  const submit = textElement('button', t('evaluations.submit'));
  submit.type = 'submit';
  form.append(mandatory, submit);

  // An empty box is sent as null: the server names it as a problem next to the field.
  const number = (input: HTMLInputElement) => (input.value.trim() === '' ? null : Number(input.value));
  const record = <T>(entries: Map<string, T>, read: (value: T) => unknown) => Object.fromEntries([...entries].map(([name, value]) => [name, read(value)]));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      const judged = await apiPost<LabelApplicationResponse>(`/labels/${encodeURIComponent(key)}/evaluation`, {
        scores: record(scores, number),
        mandatory: record(points, number),
        feedback: record(feedback, (words) => words.value),
      });
      const evaluation = judged.evaluation!;
      const verdict = fill(evaluation.granted ? 'evaluations.granted' : 'evaluations.notGranted', {
        title: judged.projectTitle,
        total: String(evaluation.total),
        passMark: String(evaluation.passMark),
      });
      item.remove();
      element('no-evaluations').hidden = list.children.length > 0;
      // Said once, in the verdict's own place (a status region), in the style of its result.
      const shown = element('verdict');
      shown.textContent = verdict;
      shown.className = `notice ${evaluation.granted ? 'verdict-granted' : 'verdict-not-granted'}`;
      shown.hidden = false;
      shown.focus();
    } catch (error) {
      submit.disabled = false;
      if (showNestedProblems(form, error)) form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      else reportFailure(error);
    }
  });
  return form;
}

function render(application: LabelApplicationResponse): void {
  const item = document.createElement('li');
  const heading = textElement('h3', application.projectTitle);
  heading.id = `application-${application.labelId}`;
  const applicant = fill('evaluations.applicant', {
    name: application.applicantName,
    school: application.applicantSchool ?? application.country,
    date: when(application.submittedAt),
  });
  item.append(heading, textElement('p', applicant, 'muted'));
  if (application.reviewOf) {
    const criteria = application.reviewOf.criteria.map((criterion) => t(`qualityLabels.criterion.${criterion}`)).join(', ');
    item.append(textElement('p', fill('evaluations.review', { criteria }), 'notice review-notice'));
  }
  item.append(textElement('h4', t('qualityLabels.evidence' as MessageKey)), evidenceOf(application), scoringForm(application, item));
  list.append(item);
}

async function loadMore(): Promise<void> {
  const query = new URLSearchParams({ status: 'pending', limit: '10' });
  if (cursor) query.set('cursor', cursor);
  const page = await apiGet<LabelApplicationsPage>(`/evaluations?${query}`);
  page.items.forEach(render);
  cursor = page.nextCursor;
  more.hidden = !cursor;
  element('no-evaluations').hidden = list.children.length > 0;
}

// Only evaluators see the applications (KindOnly): nobody else fires a request the API must refuse.
if (session) {
  void whenKindAllows('evaluations-page').then((allowed) => {
    if (!allowed) return;
    more.addEventListener('click', () => loadMore().catch(reportFailure));
    loadMore()
      .catch(reportFailure)
      .finally(() => (element('evaluations-loading').hidden = true));
  });
}
