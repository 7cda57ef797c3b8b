/**
 * The desktop's own pages in a real browser against the local stack: Ana
 * edits her profile in two tabs (the second save gets the conflict and
 * changes nothing), searches partners in France and writes to Luc from the
 * result; Luc sees one unread mail on his desktop, reads it, and the count
 * goes back to none; Ana's sent folder lists it; a pupil opening partner
 * search reads why there is nothing for her; one page in Spanish. Every page
 * visited is checked with axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, demoPassword, fillSignIn, siteAddress, Visitors } from '../support/browser.ts';
import { createUserProfile } from '../../functions/data/users.ts';
import { apiGet, demoToken, subOf, tableStoreOf, type ApiAnswer } from '../support/clients.ts';
import { newSignedInUser, testPassword } from '../support/cognito-users.ts';

const patience = 60_000;
const endpoints = inject('endpoints');
const stamp = Date.now().toString(36);

let visitors: Visitors;
let site: string;
let anaAboutBefore: string | undefined;

async function apiPut(path: string, username: string, body: unknown) {
  const response = await fetch(`${endpoints.api}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await demoToken(endpoints, username)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Opens every unread mail of Luc's, so his desktop counts only the one this test sends. */
async function readAllOfLucsMail() {
  const luc = await demoToken(endpoints, 'luc@demo.twinspace');
  let cursor: string | null = null;
  do {
    const page: ApiAnswer = await apiGet(endpoints, `/mail?folder=inbox&limit=100${cursor ? `&cursor=${cursor}` : ''}`, luc);
    expect(page.status).toBe(200);
    for (const mail of page.body.items) if (!mail.read) await apiGet(endpoints, `/mail/${mail.mailId}`, luc);
    cursor = page.body.nextCursor;
  } while (cursor);
  expect((await apiGet(endpoints, '/mail?folder=inbox&limit=1', luc)).body.unread).toBe(0);
}

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  anaAboutBefore = (await apiGet(endpoints, '/me', await demoToken(endpoints, 'ana@demo.twinspace'))).body.profile.about;
  await readAllOfLucsMail();
});

afterAll(async () => {
  // Ana's demo profile as it was, for whatever runs next on this stack.
  const me = await apiGet(endpoints, '/me', await demoToken(endpoints, 'ana@demo.twinspace'));
  if (me.body.profile.about !== anaAboutBefore) {
    await apiPut('/me/profile', 'ana@demo.twinspace', { version: me.body.profile.version, about: anaAboutBefore ?? '' });
  }
  await visitors?.close();
});

const visitor = () => visitors.page();

/** Signs in on this page (each tab has its own session) and waits for where it lands. */
async function signInOn(page: Page, username: string, next?: string, password = demoPassword): Promise<void> {
  await fillSignIn(page, site, username, password, next);
  await page.waitForURL(`${site}${next ?? '/en/desktop/'}`);
}

async function openProfile(page: Page): Promise<void> {
  await page.goto(`${site}/en/profile/`);
  await page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
  await page.getByLabel('About me').waitFor();
}

function partnerRow(page: Page, name: string) {
  return page.getByRole('region', { name: 'Results' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
}

describe('the desktop pages, in a browser', () => {
  const subject = `Maps of our rivers ${stamp}`;
  let ana: Page;

  it('Ana edits her profile in two tabs: the first save wins, the second gets the conflict and changes nothing', { timeout: patience }, async () => {
    ana = await visitor();
    await signInOn(ana, 'ana@demo.twinspace');
    await ana.getByRole('link', { name: 'My profile' }).click();
    await ana.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    await ana.getByLabel('About me').waitFor();
    expect(await ana.getByLabel('Display name').inputValue()).toBe('Ana García');
    expect(await ana.getByLabel('I am open to partnerships', { exact: false }).isChecked()).toBe(true);
    expect(await ana.getByLabel('Subjects I teach').inputValue()).toBe('science, geography');
    await assertAccessible(ana);

    // A second tab of the same browser, opened before the first one saves.
    const otherTab = await ana.context().newPage();
    await signInOn(otherTab, 'ana@demo.twinspace', '/en/profile/');
    await openProfile(otherTab);

    await ana.getByLabel('About me').fill(`Rivers and maps, first tab ${stamp}`);
    await ana.getByRole('button', { name: 'Save' }).click();
    await ana.getByRole('status').filter({ hasText: 'Your profile was saved.' }).waitFor();

    await otherTab.getByLabel('About me').fill(`Second tab ${stamp}`);
    await otherTab.getByRole('button', { name: 'Save' }).click();
    await otherTab.getByRole('alert').filter({ hasText: 'This profile was changed elsewhere (in another tab?)' }).waitFor();
    expect(await otherTab.getByRole('alert').filter({ hasText: 'This profile was changed elsewhere' }).textContent()).toContain('your changes were not saved');
    // What was typed stays on the page; nothing on the server changed.
    expect(await otherTab.getByLabel('About me').inputValue()).toBe(`Second tab ${stamp}`);
    await assertAccessible(otherTab);

    await otherTab.getByRole('button', { name: 'Load the latest version' }).click();
    await otherTab.getByLabel('About me').waitFor();
    await expect.poll(() => otherTab.getByLabel('About me').inputValue()).toBe(`Rivers and maps, first tab ${stamp}`);
    await otherTab.close();
  });

  it('Ana searches partners in France: Luc is there, Ana herself and pupils are not', { timeout: patience }, async () => {
    await ana.goto(`${site}/en/desktop/`);
    await ana.getByRole('link', { name: 'Find partners' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Find partners' }).waitFor();
    // The sign-up's country picker: countries by name, in the page's language; none chosen = any country.
    const country = ana.getByRole('combobox', { name: 'Country' });
    expect(await country.inputValue()).toBe('');
    expect(await country.locator('option').first().textContent()).toBe('Any country');
    await country.selectOption({ label: 'France' });
    await ana.getByRole('button', { name: 'Search' }).click();
    await ana.waitForURL(/country=FR/);
    const luc = partnerRow(ana, 'Luc Moreau');
    await luc.waitFor();
    const found = await luc.textContent();
    expect(found).toContain('France');
    expect(found).toContain('Collège Jean Moulin');
    expect(found).toContain('geography');
    expect(found).toContain('11 to 14 years');
    const results = ana.getByRole('region', { name: 'Results' });
    expect(await results.getByText('Jules Martin').count()).toBe(0);
    expect(await results.getByText('Ana García').count()).toBe(0);
    await assertAccessible(ana);

    // Her own country with her own subject and age: she never finds herself.
    await country.selectOption({ label: 'Spain' });
    await ana.getByLabel('Subject').fill('science');
    await ana.getByLabel("Pupils' age").fill('13');
    await ana.getByRole('button', { name: 'Search' }).click();
    await ana.waitForURL(/country=ES/);
    await expect.poll(() => luc.count()).toBe(0);
    expect(await results.getByText('Ana García').count()).toBe(0);
    expect(await results.getByText('Marta Ruiz').count()).toBe(0);
  });

  it('Ana writes to Luc from the search result; the form says what is missing, and the mail is in her sent folder', { timeout: patience }, async () => {
    await ana.goto(`${site}/en/partners/?country=FR`);
    await partnerRow(ana, 'Luc Moreau').getByRole('link', { name: 'Write to Luc Moreau' }).click();
    await ana.getByRole('heading', { level: 2, name: 'Write a mail' }).waitFor();
    await ana.getByText('To: Luc Moreau').waitFor();
    await assertAccessible(ana);

    await ana.getByRole('button', { name: 'Send' }).click();
    await ana.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
    expect(await ana.getByLabel('Subject').getAttribute('aria-invalid')).toBe('true');
    expect(await ana.getByLabel('Message').getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(ana);

    await ana.getByLabel('Subject').fill(subject);
    await ana.getByLabel('Message').fill('Would your pupils map the Rhône while mine map the Ebro?');
    await ana.getByRole('button', { name: 'Send' }).click();
    await ana.getByRole('status').filter({ hasText: `Your mail “${subject}” was sent to Luc Moreau.` }).waitFor();
    await ana.getByRole('heading', { level: 2, name: 'Sent' }).waitFor();
    expect(await ana.getByRole('listitem').filter({ hasText: subject }).textContent()).toContain('To: Luc Moreau (FR)');
    await assertAccessible(ana);
  });

  it('a username that is no teacher is refused next to the recipient field', { timeout: patience }, async () => {
    await ana.getByRole('link', { name: 'Write a mail' }).click();
    await ana.getByLabel("Recipient's username").fill('pupil.jules');
    await ana.getByLabel('Subject').fill('Hello');
    await ana.getByLabel('Message').fill('Hello there');
    await ana.getByRole('button', { name: 'Send' }).click();
    await ana.getByRole('alert').filter({ hasText: 'Your mail was not sent.' }).waitFor();
    await ana.getByText('No teacher has this username.').waitFor();
    expect(await ana.getByLabel("Recipient's username").getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(ana);
  });

  it('Luc sees 1 unread mail on his desktop, reads it, and the count goes to 0', { timeout: patience }, async () => {
    const luc = await visitor();
    await signInOn(luc, 'luc@demo.twinspace');
    const mailLink = luc.getByRole('link', { name: 'Desktop mail (1 unread)' });
    await mailLink.waitFor();
    await assertAccessible(luc);

    await mailLink.click();
    await luc.getByRole('heading', { level: 1, name: 'Desktop mail (1 unread)' }).waitFor();
    const row = luc.getByRole('listitem').filter({ hasText: subject });
    await row.waitFor();
    expect(await row.textContent()).toContain('Unread');
    expect(await row.textContent()).toContain('From: Ana García (ES)');
    await assertAccessible(luc);

    await row.getByRole('link', { name: subject }).click();
    await luc.getByRole('heading', { level: 2, name: subject }).waitFor();
    await luc.getByText('Would your pupils map the Rhône while mine map the Ebro?').waitFor();
    await luc.getByRole('heading', { level: 1, name: 'Desktop mail', exact: true }).waitFor();
    await assertAccessible(luc);

    await luc.getByRole('link', { name: 'Back to the folder' }).click();
    await luc.getByRole('heading', { level: 2, name: 'Inbox' }).waitFor();
    await row.waitFor();
    expect(await row.textContent()).not.toContain('Unread');

    await luc.goto(`${site}/en/desktop/`);
    await luc.getByRole('link', { name: 'Desktop mail', exact: true }).waitFor();
    // The desktop's mail link (the header's notifications link counts other things).
    expect(await luc.getByRole('link', { name: /^Desktop mail.*unread/ }).count()).toBe(0);
  });

  it("Ana's sent folder lists the mail", { timeout: patience }, async () => {
    await ana.goto(`${site}/en/mail/`);
    await ana.getByRole('navigation', { name: 'Mail folders' }).getByRole('link', { name: 'Sent' }).click();
    await ana.getByRole('heading', { level: 2, name: 'Sent' }).waitFor();
    await ana.getByRole('listitem').filter({ hasText: subject }).waitFor();
    await assertAccessible(ana);
  });

  it('Marta, a pupil, opening partner search reads that it is for teachers, and gets no results', { timeout: patience }, async () => {
    const marta = await visitor();
    await signInOn(marta, 'pupil.marta', '/en/partners/');
    await marta.getByRole('heading', { level: 1, name: 'Find partners' }).waitFor();
    await marta.getByText('Partner search is for teachers only.').waitFor();
    expect(await marta.getByRole('button', { name: 'Search' }).count()).toBe(0);
    expect(await marta.getByRole('region', { name: 'Results' }).count()).toBe(0);
    await assertAccessible(marta);
  });

  it('partner search reads in Spanish', { timeout: patience }, async () => {
    await ana.goto(`${site}/es/partners/`);
    await ana.getByRole('heading', { level: 1, name: 'Buscar socios' }).waitFor();
    expect(await ana.locator('html').getAttribute('lang')).toBe('es');
    const país = ana.getByRole('combobox', { name: 'País' });
    expect(await país.locator('option').first().textContent()).toBe('Cualquier país');
    await país.selectOption({ label: 'Francia' });
    await ana.getByRole('button', { name: 'Buscar' }).click();
    await ana.getByRole('link', { name: 'Escribir a Luc Moreau' }).waitFor();
    expect(await ana.getByRole('region', { name: 'Resultados' }).getByRole('listitem').filter({ hasText: 'Luc Moreau' }).textContent()).toContain('Francia');
    expect(await ana.getByRole('region', { name: 'Resultados' }).textContent()).toContain('de 11 a 14 años');
    await assertAccessible(ana);
  });

  it("Ana's school page shows her school's profile, its country fixed", { timeout: patience }, async () => {
    await ana.goto(`${site}/en/desktop/`);
    await ana.getByRole('link', { name: 'My school' }).click();
    await ana.getByRole('heading', { level: 1, name: 'My school' }).waitFor();
    const school = ana.getByRole('region', { name: 'School profile' });
    await school.waitFor();
    expect(await school.getByLabel('School name').inputValue()).toBe('IES Río Ebro');
    expect(await school.getByLabel('City').inputValue()).toBe('Zaragoza');
    expect(await school.textContent()).toContain('ES');
    await assertAccessible(ana);
  });

  it('a teacher without a school registers one, then edits it', { timeout: patience }, async () => {
    const { username, idToken } = await newSignedInUser(endpoints);
    await createUserProfile(tableStoreOf(endpoints), {
      userId: subOf(idToken),
      username,
      kind: 'teacher',
      country: 'PT',
      displayName: 'Inês Sousa',
      email: `${username}@test.twinspace`,
      version: 1,
      createdAt: new Date().toISOString(),
    });
    const teacher = await visitor();
    await signInOn(teacher, username, '/en/school/', testPassword);
    const registration = teacher.getByRole('region', { name: 'Register my school' });
    await registration.waitFor();
    expect(await registration.getByLabel('Country').inputValue()).toBe('PT');
    await assertAccessible(teacher);

    await teacher.getByRole('button', { name: 'Register the school' }).click();
    await teacher.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
    expect(await registration.getByLabel('School name').getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(teacher);

    await registration.getByLabel('School name').fill(`Escola do Rio ${stamp}`);
    await registration.getByLabel('City').fill('Porto');
    await teacher.getByRole('button', { name: 'Register the school' }).click();
    await teacher.getByRole('status').filter({ hasText: `Your school “Escola do Rio ${stamp}” was registered, and you joined it.` }).waitFor();
    const school = teacher.getByRole('region', { name: 'School profile' });
    await school.waitFor();
    expect(await school.getByLabel('City').inputValue()).toBe('Porto');
    expect(await registration.isVisible()).toBe(false);

    await school.getByLabel('City').fill('Braga');
    await teacher.getByRole('button', { name: 'Save' }).click();
    await teacher.getByRole('status').filter({ hasText: "The school's profile was saved." }).waitFor();
    await teacher.reload();
    await school.waitFor();
    await expect.poll(() => school.getByLabel('City').inputValue()).toBe('Braga');
    await assertAccessible(teacher);
  });
});
