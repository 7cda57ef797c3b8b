/**
 * The Project Diary and the Quality Labels in a real browser, in a fresh
 * TwinSpace: Ana writes a private doubt, the NSS of Spain finds it in its
 * inbox and answers it on the diary page, Ana reads the answer and exports
 * the diary; a fresh Spanish teacher of the project (so no demo teacher's
 * yearly quota of four is spent) applies for a Quality Label, the form's
 * problems shown next to their fields, and eval.es scores it. Every page is
 * checked with axe, and the Spanish pages speak Spanish.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newTestAccount } from '../support/accounts.ts';
import { assertAccessible, fillRichText, fillSignIn, paragraphs, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiSend, demoToken } from '../support/clients.ts';
import { testPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 90_000;
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let projectTitle: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  projectTitle = `Diary and labels ${Date.now().toString(36)}`;
  space = await newTwinspace(endpoints, projectTitle);
});

afterAll(async () => {
  await visitors?.close();
});

const signIn = async (username: string) => signInToDesktop(await visitors.page(), site, username);

/** The list item of an entry (or application) whose heading is `title`. */
const itemHeaded = (page: Page, title: string): Locator =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: title, exact: true }) });

describe('the Project Diary', () => {
  const doubt = 'How do we assess the river maps';
  const doubtText = 'Our pupils drew maps in pairs.\nShould we mark each pupil, or each pair? <b>not bold</b>';
  const answer = 'Mark each pair, and add a short self-assessment per pupil.';
  let ana: Page;

  it('Ana writes a private doubt in the diary of her project', { timeout: patience }, async () => {
    ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/diary/?id=${space.projectId}`);
    await ana.getByRole('heading', { level: 1, name: 'Project Diary' }).waitFor();
    await ana.getByText('No entries to show yet.').waitFor();
    await assertAccessible(ana);

    const form = ana.getByRole('region', { name: 'Write an entry' });
    await form.getByLabel('Kind').selectOption('doubt');
    await expect(form.getByRole('radio', { name: 'Private' }).isChecked()).resolves.toBe(true);
    expect(await form.getByText('The project’s teachers and the NSS of the partners’ countries.').isVisible()).toBe(true);
    // An empty text is marked next to the field before anything is sent.
    await form.getByLabel('Title').fill(doubt);
    await form.getByRole('button', { name: 'Save the entry' }).click();
    await expect.poll(() => form.getByLabel('Text', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Please write something first.').waitFor();
    await assertAccessible(ana);

    await fillRichText(form, 'Text', doubtText);
    await form.getByRole('button', { name: 'Save the entry' }).click();
    const entry = itemHeaded(ana, doubt);
    await entry.waitFor();
    // Said next to the form that saved it (the kit's StatusMessage).
    expect(await form.getByRole('status').textContent()).toContain(doubt);
    // The text is shown as it was written: each line a paragraph, its markup as text.
    expect(await paragraphs(entry.locator('.diary-text'))).toEqual(doubtText.split('\n'));
    expect(await entry.locator('.diary-text b').count()).toBe(0);
    expect(await entry.textContent()).toContain('Doubt');
    expect(await entry.textContent()).toContain('Private');
    expect(await entry.textContent()).toContain('Waiting for an answer from the NSS');
    await assertAccessible(ana);
  });

  it('the NSS of Spain finds the doubt in its inbox and answers it on the diary page', { timeout: patience }, async () => {
    const nss = await signIn('nss.es@demo.twinspace');
    await nss.getByRole('link', { name: 'Projects waiting for my approval' }).click();
    await nss.getByRole('link', { name: 'Doubts waiting for an answer (Project Diary)' }).click();
    await nss.getByRole('heading', { level: 1, name: 'Doubts waiting for an answer' }).waitFor();
    const waiting = itemHeaded(nss, doubt);
    await waiting.waitFor();
    expect(await waiting.textContent()).toContain(`Project: ${projectTitle}`);
    expect(await waiting.textContent()).toContain('Ana');
    await assertAccessible(nss);

    await waiting.getByRole('link', { name: 'Answer in the diary' }).click();
    await nss.getByRole('heading', { level: 1, name: 'Project Diary' }).waitFor();
    const entry = itemHeaded(nss, doubt);
    await entry.waitFor();
    // The NSS answers; it writes no entries.
    expect(await nss.getByRole('heading', { name: 'Write an entry' }).count()).toBe(0);
    await assertAccessible(nss);
    await entry.getByLabel('Your answer').fill(answer);
    await entry.getByRole('button', { name: 'Send the answer' }).click();
    await entry.getByText(answer).waitFor();
    expect(await entry.textContent()).toContain('Answered');

    await nss.goto(`${site}/en/nss/diary/`);
    await nss.getByRole('heading', { level: 1, name: 'Doubts waiting for an answer' }).waitFor();
    // The page shows itself once GET /me says the kind may use it (KindOnly), then loads its list.
    await nss.locator('#nss-doubts').waitFor();
    await nss.locator('#doubts-loading').waitFor({ state: 'hidden' });
    expect(await itemHeaded(nss, doubt).count()).toBe(0);
  });

  it('Ana reads the answer, comments, and exports the diary as Markdown and as a printable page', { timeout: patience }, async () => {
    await ana.reload();
    const entry = itemHeaded(ana, doubt);
    await entry.getByText(answer).waitFor();
    expect(await entry.textContent()).toContain('NSS');
    await entry.getByLabel('Your comment').fill('Thank you, we will do that.');
    await entry.getByRole('button', { name: 'Send the comment' }).click();
    await entry.getByText('Thank you, we will do that.').waitFor();
    await assertAccessible(ana);

    const [download] = await Promise.all([ana.waitForEvent('download'), ana.getByRole('button', { name: 'Export (Markdown)' }).click()]);
    expect(download.suggestedFilename()).toBe(`project-diary-${space.projectId}.md`);
    const markdown = await readFile((await download.path())!, 'utf8');
    expect(markdown).toContain(doubt);
    expect(markdown).toContain('Mark each pair');

    const [printable] = await Promise.all([ana.context().waitForEvent('page'), ana.getByRole('button', { name: 'Printable version' }).click()]);
    await printable.waitForURL(/^blob:/);
    await printable.getByRole('heading', { name: doubt }).waitFor();
    expect(await printable.textContent('body')).toContain('Mark each pair');
    await printable.close();
  });

  it('reads in Spanish on the Spanish page', { timeout: patience }, async () => {
    await ana.goto(`${site}/es/twinspace/diary/?id=${space.projectId}`);
    await ana.getByRole('heading', { level: 1, name: 'Diario del proyecto' }).waitFor();
    await itemHeaded(ana, doubt).waitFor();
    expect(await ana.getByRole('heading', { level: 2, name: 'Escribir una entrada' }).isVisible()).toBe(true);
    expect(await ana.getByLabel('Tipo').isVisible()).toBe(true);
    expect(await itemHeaded(ana, doubt).textContent()).toContain('Duda');
    expect(await ana.getByRole('button', { name: 'Exportar (Markdown)' }).isVisible()).toBe(true);
    await assertAccessible(ana);
  });
});

describe('Quality Labels', () => {
  let teacher: Awaited<ReturnType<typeof newTestAccount>>;
  let marta: Page;

  beforeAll(async () => {
    // A fresh teacher of Spain: her application goes to eval.es, and no demo teacher's yearly quota is spent.
    teacher = await newTestAccount(endpoints, { kind: 'teacher', country: 'ES', displayName: 'Marta Ruiz' });
    const added = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, space.members['teacher-admin'].idToken, {
      username: teacher.username,
      type: 'member-teacher',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  });

  it('a teacher of the project applies; the problems show next to their fields, then an open application refuses a second', { timeout: patience }, async () => {
    marta = await visitors.page();
    await fillSignIn(marta, site, teacher.username, testPassword);
    await marta.waitForURL(`${site}/en/desktop/`);
    await marta.goto(`${site}/en/twinspace/labels/?id=${space.projectId}`);
    await marta.getByRole('heading', { level: 1, name: 'Quality Labels' }).waitFor();
    await marta.getByText('Nobody has applied for a Quality Label for this project yet.').waitFor();
    expect(await marta.getByText('apply when the project is finished or in its last stages').isVisible()).toBe(true);
    await assertAccessible(marta);

    const form = marta.locator('#apply-form');
    for (const declaration of ['The partners have common goals and a shared plan.', 'My pupils and I took part in the activities.', 'Collaborative activities between the partner schools took place.', 'Data protection and copyright were respected.']) {
      await form.getByLabel(declaration).check();
    }
    for (const criterion of ['Collaboration between partner schools', 'Use of technology', 'Pedagogical approaches', 'Curricular integration', 'Results and documentation']) {
      const group = form.getByRole('group', { name: criterion });
      await group.getByLabel('What shows it').fill(`Our evidence of ${criterion.toLowerCase()}.`);
      await group.getByLabel('Links to TwinSpace pages (one per line)').fill(`/en/twinspace/pages/?id=${space.projectId}`);
    }
    const technologyLinks = form.getByRole('group', { name: 'Use of technology' }).getByLabel('Links to TwinSpace pages (one per line)');
    await technologyLinks.fill('https://example.test/maps\njavascript:alert(1)');
    await form.getByRole('button', { name: 'Send the application' }).click();
    await expect.poll(() => technologyLinks.getAttribute('aria-invalid')).toBe('true');
    expect(await marta.locator('#evidence-technology-links-error').textContent()).toContain('https');
    await assertAccessible(marta);

    await technologyLinks.fill('https://example.test/maps');
    await form.getByRole('button', { name: 'Send the application' }).click();
    const unticked = form.getByLabel('The project is finished or nearly finished.');
    await expect.poll(() => unticked.getAttribute('aria-invalid')).toBe('true');
    expect(await marta.locator('#eligibility-error').isVisible()).toBe(true);

    await unticked.check();
    await form.getByRole('button', { name: 'Send the application' }).click();
    await marta.getByText('Waiting for evaluation').waitFor();
    // Said in the apply section, where the form was (the kit's StatusMessage).
    expect(await marta.getByRole('region', { name: 'Apply for a Quality Label' }).getByRole('status').textContent()).toBe('Your application was sent to the evaluators of your country.');
    expect(await marta.locator('#application-list > li').count()).toBe(1);
    expect(await marta.locator('#application-list').textContent()).toContain('Applied by Marta Ruiz');

    // Only one open application per teacher and project: no form the server would refuse, and the page says why.
    await marta.getByText('Your application is waiting for its evaluation').waitFor();
    expect(await form.isVisible()).toBe(false);
    await assertAccessible(marta);
  });

  it('eval.es scores it from the desktop link; the teacher reads the result', { timeout: patience }, async () => {
    const evaluator = await signIn('eval.es@demo.twinspace');
    await evaluator.getByRole('link', { name: 'Quality Label applications to evaluate' }).click();
    await evaluator.getByRole('heading', { level: 1, name: 'Quality Label evaluations' }).waitFor();
    // The page shows itself once GET /me says the kind may use it (KindOnly), then loads its list.
    await evaluator.locator('#evaluations-page').waitFor();
    await evaluator.locator('#evaluations-loading').waitFor({ state: 'hidden' });
    const application = evaluator.getByRole('listitem').filter({ has: evaluator.getByRole('heading', { level: 3, name: projectTitle, exact: true }) }).filter({ hasText: 'Marta Ruiz' });
    // Other tests may leave older applications of Spain waiting: page on until ours shows.
    const listed = evaluator.locator('#evaluation-list > li');
    while ((await application.count()) === 0 && (await evaluator.getByRole('button', { name: 'Show more applications' }).isVisible())) {
      const before = await listed.count();
      await evaluator.getByRole('button', { name: 'Show more applications' }).click();
      await expect.poll(() => listed.count()).toBeGreaterThan(before);
    }
    await application.waitFor();
    expect(await application.textContent()).toContain('Our evidence of use of technology.');
    await assertAccessible(evaluator);

    for (const criterion of ['Collaboration between partner schools', 'Use of technology', 'Pedagogical approaches', 'Curricular integration', 'Results and documentation']) {
      const group = application.getByRole('group', { name: criterion });
      await group.getByLabel('Score (0–6)').fill('5');
      await group.getByLabel('Feedback').fill(`Good work on ${criterion.toLowerCase()}.`);
    }
    const mandatory = application.getByRole('group', { name: 'Mandatory points (0–2 each)' });
    await mandatory.getByLabel('Pupils’ online collaboration').fill('2');
    await mandatory.getByLabel('Use of ICT').fill('1');
    await mandatory.getByLabel('Data protection, copyright and e-safety').fill('2');
    await application.getByRole('button', { name: 'Record the evaluation' }).click();
    const verdict = evaluator.locator('#verdict');
    await verdict.waitFor();
    expect(await verdict.textContent()).toBe(`“${projectTitle}”: label granted, 25 of 30 (pass mark 15).`);
    expect(await application.count()).toBe(0);
    await assertAccessible(evaluator);

    await evaluator.goto(`${site}/es/evaluations/`);
    await evaluator.getByRole('heading', { level: 1, name: 'Evaluación de Sellos de Calidad' }).waitFor();
    // The page shows itself once GET /me says the kind may use it (KindOnly), then loads its list.
    await evaluator.locator('#evaluations-page').waitFor();
    await evaluator.locator('#evaluations-loading').waitFor({ state: 'hidden' });
    await assertAccessible(evaluator);

    await marta.reload();
    await marta.getByText('Label granted').waitFor();
    // The outcome's badge: a grant in the success style.
    expect(await marta.locator('#application-list .badge-success').textContent()).toBe('Label granted');
    expect(await marta.getByText('Total: 25 of 30 (pass mark 15)').isVisible()).toBe(true);
    expect(await marta.getByText('Good work on use of technology.', { exact: false }).isVisible()).toBe(true);
    await assertAccessible(marta);

    await marta.goto(`${site}/es/twinspace/labels/?id=${space.projectId}`);
    await marta.getByRole('heading', { level: 1, name: 'Sellos de Calidad' }).waitFor();
    await marta.getByText('Sello concedido').waitFor();
    expect(await marta.getByRole('heading', { level: 2, name: 'Solicitar un Sello de Calidad' }).isVisible()).toBe(true);
    expect(await marta.getByText('Se concedió tu Sello de Calidad para este proyecto.').isVisible()).toBe(true);
    await assertAccessible(marta);
  });
});

describe('a label not granted, and its review', () => {
  const criteria = ['collaboration', 'technology', 'pedagogy', 'curriculum', 'results'] as const;
  let teacher: Awaited<ReturnType<typeof newTestAccount>>;

  beforeAll(async () => {
    // A second fresh teacher of Spain applies through the API, and eval.es does not grant it.
    teacher = await newTestAccount(endpoints, { kind: 'teacher', country: 'ES', displayName: 'Lola Vidal' });
    const added = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/members`, space.members['teacher-admin'].idToken, { username: teacher.username, type: 'member-teacher' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const evidence = Object.fromEntries(criteria.map((criterion) => [criterion, { text: `Some ${criterion}.`, links: [] }]));
    const eligibility = { commonGoals: true, finished: true, participation: true, collaborativeActivities: true, dataProtection: true };
    const applied = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/labels`, teacher.idToken, { eligibility, evidence });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const evaluatorToken = await demoToken(endpoints, 'eval.es@demo.twinspace');
    const low = Object.fromEntries(criteria.map((criterion) => [criterion, 1]));
    const feedback = Object.fromEntries(criteria.map((criterion) => [criterion, `Too little on ${criterion}.`]));
    const judged = await apiSend(endpoints, 'POST', `/labels/${applied.body.labelId}/evaluation`, evaluatorToken, { scores: low, mandatory: { pupilCollaboration: 1, ictUse: 1, safety: 1 }, feedback });
    expect(judged.status, JSON.stringify(judged.body)).toBe(200);
    expect(judged.body.evaluation.granted).toBe(false);
  });

  it('the teacher is offered the review, in her words, and it needs a criterion to judge again; the evaluator sees it is a review', { timeout: patience }, async () => {
    const lola = await visitors.page({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    await fillSignIn(lola, site, teacher.username, testPassword);
    await lola.waitForURL(`${site}/en/desktop/`);
    await lola.goto(`${site}/en/twinspace/labels/?id=${space.projectId}`);
    await lola.getByRole('heading', { level: 2, name: 'Ask for a review of your application' }).waitFor();
    expect(await lola.locator('#review-intro').textContent()).toContain('You may ask once for a review of it');
    // A refusal's badge in the danger style, never the success one.
    const refused = lola.locator('#application-list > li').filter({ hasText: 'Lola Vidal' });
    expect(await refused.locator('.badge-danger').textContent()).toBe('Label not granted');
    expect(await refused.locator('.badge-success').count()).toBe(0);
    expect(await lola.getByText('Leave all unticked').count()).toBe(0);
    await assertAccessible(lola);

    const form = lola.locator('#apply-form');
    for (const declaration of ['The partners have common goals and a shared plan.', 'The project is finished or nearly finished.', 'My pupils and I took part in the activities.', 'Collaborative activities between the partner schools took place.', 'Data protection and copyright were respected.']) {
      await form.getByLabel(declaration).check();
    }
    for (const criterion of ['Collaboration between partner schools', 'Use of technology', 'Pedagogical approaches', 'Curricular integration', 'Results and documentation']) {
      await form.getByRole('group', { name: criterion }).getByLabel('What shows it').fill(`New evidence of ${criterion.toLowerCase()}.`);
    }
    // Nothing ticked: said next to the boxes, naming no API field, and nothing is sent.
    await form.getByRole('button', { name: 'Ask for the review' }).click();
    const problem = lola.locator('#review-error');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('Tick at least one criterion to be judged again.');
    expect(await lola.locator('body').textContent()).not.toContain('reviewOf');

    await form.getByRole('group', { name: 'Criteria to be judged again' }).getByLabel('Use of technology').check();
    await form.getByRole('button', { name: 'Ask for the review' }).click();
    await lola.getByText('You have asked for the one review this project allows.').waitFor();
    expect(await lola.getByText(/A review of the application of .*: judge again Use of technology\./).isVisible()).toBe(true);
    expect(await lola.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(lola);

    const evaluator = await visitors.page({ locale: 'en-GB', viewport: { width: 390, height: 844 } });
    await signInToDesktop(evaluator, site, 'eval.es@demo.twinspace');
    await evaluator.goto(`${site}/en/evaluations/`);
    // The page shows itself once GET /me says the kind may use it (KindOnly), then loads its list.
    await evaluator.locator('#evaluations-page').waitFor();
    await evaluator.locator('#evaluations-loading').waitFor({ state: 'hidden' });
    const review = evaluator.locator('#evaluation-list > li').filter({ hasText: 'Lola Vidal' });
    const listed = evaluator.locator('#evaluation-list > li');
    while ((await review.count()) === 0 && (await evaluator.getByRole('button', { name: 'Show more applications' }).isVisible())) {
      const before = await listed.count();
      await evaluator.getByRole('button', { name: 'Show more applications' }).click();
      await expect.poll(() => listed.count()).toBeGreaterThan(before);
    }
    await review.waitFor();
    expect(await review.locator('.review-notice').textContent()).toContain('judged again: Use of technology');
    // On a phone the scores and the evidence fit the screen: nothing scrolls sideways.
    expect(await evaluator.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(evaluator);

    // Not granted again: the verdict is said once, and not in the success style.
    for (const criterion of ['Collaboration between partner schools', 'Use of technology', 'Pedagogical approaches', 'Curricular integration', 'Results and documentation']) {
      const group = review.getByRole('group', { name: criterion });
      await group.getByLabel('Score (0–6)').fill('1');
      await group.getByLabel('Feedback').fill('Still too little.');
    }
    const mandatory = review.getByRole('group', { name: 'Mandatory points (0–2 each)' });
    for (const point of ['Pupils’ online collaboration', 'Use of ICT', 'Data protection, copyright and e-safety']) await mandatory.getByLabel(point).fill('1');
    await review.getByRole('button', { name: 'Record the evaluation' }).click();
    const verdict = evaluator.locator('#verdict');
    await verdict.waitFor();
    expect(await verdict.getAttribute('class')).toContain('verdict-not-granted');
    expect(await evaluator.getByText('label not granted', { exact: false }).count()).toBe(1);
  });
});
