/**
 * The desktop's community in a real browser against the local stack: Ana
 * joins an open group; the NSS of Spain organises a one-seat encounter, Ana
 * takes the seat, Luc is #1 on the waiting list, Ana cancels and Luc's page
 * shows he has the seat (Ana confirmed in a dialog), and only the seated see the join link, the time
 * shown in the reader's zone with its name; the resource library searched by
 * words (any case or accent), filtered by tag and language,
 * where only https addresses become links. Every page is checked with axe,
 * in English and in Spanish.
 */
import type { Page } from 'playwright-core';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createResource } from '../../functions/data/resources.ts';
import { assertAccessible, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { demoToken, tableStoreOf } from '../support/clients.ts';
import { formatAbsolute } from '../../web/src/components/kit/format.ts';

const patience = 60_000;
const timeZone = 'Europe/Madrid';
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

async function signIn(username: string, locale = 'en-GB'): Promise<Page> {
  return signInToDesktop(await visitors.page({ locale, timezoneId: timeZone }), site, username);
}

async function apiPost(path: string, username: string, body: unknown) {
  const response = await fetch(`${endpoints.api}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await demoToken(endpoints, username)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return response.json();
}

const listItem = (page: Page, list: string, title: string) =>
  page.getByRole('region', { name: list }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

describe('groups in a browser', () => {
  it('Ana finds an open group from her desktop and joins it', { timeout: patience }, async () => {
    const name = `A river club ${ulid().slice(-6)}`;
    await apiPost('/groups', 'luc@demo.twinspace', { name, theme: 'Rivers of Europe, with maps', access: 'open' });

    const ana = await signIn('ana@demo.twinspace');
    await ana.getByRole('link', { name: 'Groups', exact: true }).click();
    await ana.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
    const group = listItem(ana, 'All groups', name);
    await group.waitFor();
    expect(await group.textContent()).toContain('Owner: Luc Moreau');
    // The demo invitation-only group offers no Join button to someone who is not invited.
    const clil = listItem(ana, 'All groups', 'CLIL in Europe');
    expect(await clil.getByRole('button', { name: 'Join' }).count()).toBe(0);
    await assertAccessible(ana);

    await group.getByRole('button', { name: 'Join' }).click();
    await ana.getByRole('status').filter({ hasText: `You joined “${name}”.` }).waitFor();
    await group.getByText('You are a member').waitFor();
    expect(await group.textContent()).toContain('2 members');
    await assertAccessible(ana);

    // Leaving asks first (Cancel keeps the membership), then says so next to the list.
    await group.getByRole('button', { name: 'Leave' }).click();
    const dialog = ana.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Leave “${name}”?`);
    await assertAccessible(ana);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await group.getByText('You are a member').waitFor();
    await group.getByRole('button', { name: 'Leave' }).click();
    await dialog.getByRole('button', { name: 'Leave' }).click();
    await ana.getByRole('status').filter({ hasText: `You left “${name}”.` }).waitFor();
    await group.getByRole('button', { name: 'Join' }).waitFor();
    expect(await group.textContent()).toContain('1 member');
    expect(await group.textContent()).not.toContain('1 members');
  });
});

describe('a group of my own, in a browser', () => {
  it('Ana creates an invitation-only group, adds Luc by username (an unknown one is refused next to the field) and removes him after a confirm', { timeout: patience }, async () => {
    const name = `Invited only ${ulid().slice(-6)}`;
    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/groups/`);
    const form = ana.getByRole('region', { name: 'Create a group' });
    await form.getByRole('button', { name: 'Create the group' }).click();
    await form.getByText('Please fill this in.').first().waitFor();
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Theme').fill('Only teachers I add');
    await form.getByLabel('Only teachers I add (invitation only)').check();
    await form.getByRole('button', { name: 'Create the group' }).click();
    await ana.getByRole('status').filter({ hasText: `Your group “${name}” was created.` }).waitFor();

    const group = listItem(ana, 'All groups', name);
    await group.getByText('You own this group').waitFor();
    await group.getByText('Invitation only').waitFor();
    expect(await group.textContent()).toContain('1 member');
    await group.getByRole('heading', { name: `Members of “${name}”` }).waitFor();
    expect(await group.getByRole('button', { name: /^Remove/ }).count()).toBe(0);

    const username = group.getByLabel('Username of the teacher to add');
    await username.fill('nobody@demo.twinspace');
    await group.getByRole('button', { name: 'Add', exact: true }).click();
    await group.getByText('No teacher has this username.').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    await username.fill('luc@demo.twinspace');
    await group.getByRole('button', { name: 'Add', exact: true }).click();
    await group.getByRole('status').filter({ hasText: `Luc Moreau is now a member of “${name}”.` }).waitFor();
    await group.getByRole('button', { name: 'Remove Luc Moreau' }).waitFor();
    expect(await group.textContent()).toContain('2 members');
    await assertAccessible(ana);

    await group.getByRole('button', { name: 'Remove Luc Moreau' }).click();
    const dialog = ana.getByRole('dialog');
    expect(await dialog.textContent()).toContain(`Remove Luc Moreau from “${name}”?`);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await group.getByRole('status').filter({ hasText: `Luc Moreau was removed from “${name}”.` }).waitFor();
    expect(await group.getByRole('button', { name: 'Remove Luc Moreau' }).count()).toBe(0);
    await assertAccessible(ana);
  });
});

describe('an encounter with one seat, in a browser', () => {
  const title = `One seat only ${ulid().slice(-6)}`;
  const startsAt = new Date(Date.now() + 2 * 24 * 3600_000);
  startsAt.setUTCHours(9, 30, 0, 0);
  const joinUrl = `https://meet.example.org/${ulid().toLowerCase()}`;
  /** As the page shows it: the reader's zone (Madrid here), named — "CET" or "CEST". */
  const shown = (locale: string) => {
    const zone = new Intl.DateTimeFormat(locale, { timeZoneName: 'short', timeZone }).formatToParts(startsAt).find((part) => part.type === 'timeZoneName')?.value;
    return `${formatAbsolute(startsAt.toISOString(), locale, timeZone)} (${zone})`;
  };
  let ana: Page;
  let luc: Page;

  it('the NSS of Spain organises it', { timeout: patience }, async () => {
    const nss = await signIn('nss.es@demo.twinspace');
    await nss.goto(`${site}/en/encounters/`);
    const form = nss.getByRole('region', { name: 'Organise an encounter' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Create the encounter' }).click();
    await form.getByText('Please fill this in.').first().waitFor();
    await assertAccessible(nss);

    // datetime-local takes the organiser's local time (the context is in Madrid).
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(startsAt).replace(' ', 'T');
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Date and time').fill(local);
    await form.getByLabel('Seats').fill('1');
    await form.getByLabel('Language').fill('en');
    await form.getByLabel('Description').fill('A short online talk with one seat.');
    // The time is taken in the organiser's zone, and the form names it.
    expect(await form.getByText('Your time zone:').textContent()).toContain('Europe/Madrid');
    // A join link that is not https is refused next to its field.
    await form.getByLabel('Link to join (https)').fill('http://meet.example.org/plain');
    await form.getByRole('button', { name: 'Create the encounter' }).click();
    await form.getByText('Give a link that starts with https://.').waitFor();
    expect(await form.getByLabel('Link to join (https)').getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(nss);
    await form.getByLabel('Link to join (https)').fill(joinUrl);
    await form.getByRole('button', { name: 'Create the encounter' }).click();
    await nss.getByRole('status').filter({ hasText: `The encounter “${title}” was created.` }).waitFor();
    const encounter = listItem(nss, 'Upcoming encounters', title);
    await encounter.waitFor();
    // Counted words agree with their number: one seat.
    expect(await encounter.textContent()).toContain('1 of 1 seat left');
    expect(await encounter.textContent()).not.toContain('seats left');
    // The NSS organises; it does not register. It has the link to share.
    expect(await encounter.getByRole('button').count()).toBe(0);
    expect(await encounter.getByRole('link', { name: `Join “${title}” online` }).getAttribute('href')).toBe(joinUrl);
    await assertAccessible(nss);
  });

  it('Ana takes the seat', { timeout: patience }, async () => {
    ana = await signIn('ana@demo.twinspace');
    await ana.getByRole('link', { name: 'Online encounters' }).click();
    const encounter = listItem(ana, 'Upcoming encounters', title);
    await encounter.waitFor();
    const when = shown('en-GB');
    expect(when).toMatch(/ \(CES?T\)$/);
    expect(await encounter.textContent()).toContain(when);
    // No seat, no link.
    await encounter.getByText('The link to join appears here once you have a seat.').waitFor();
    expect(await encounter.getByRole('link').count()).toBe(0);
    await encounter.getByRole('button', { name: 'Register' }).click();
    await ana.getByRole('status').filter({ hasText: `You have a seat at “${title}”.` }).waitFor();
    await encounter.getByText('You have a seat.').waitFor();
    expect(await encounter.getByRole('link', { name: `Join “${title}” online` }).getAttribute('href')).toBe(joinUrl);
    expect(await encounter.textContent()).toContain('Full: 0 on the waiting list');
    await assertAccessible(ana);
  });

  it('Luc finds it full and is #1 on the waiting list', { timeout: patience }, async () => {
    luc = await signIn('luc@demo.twinspace');
    await luc.goto(`${site}/en/encounters/`);
    const encounter = listItem(luc, 'Upcoming encounters', title);
    await encounter.getByRole('button', { name: 'Join the waiting list' }).click();
    await luc.getByRole('status').filter({ hasText: `The encounter “${title}” is full: you’re #1 on the waiting list.` }).waitFor();
    await encounter.getByText('You’re #1 on the waiting list.').waitFor();
    expect(await encounter.getByRole('link').count()).toBe(0);
    await assertAccessible(luc);
  });

  it('Ana cancels, and Luc’s page shows he has the seat', { timeout: patience }, async () => {
    const mine = listItem(ana, 'Upcoming encounters', title);
    await mine.getByRole('button', { name: 'Cancel my registration' }).click();
    // Cancelling asks first: the seat goes to the next on the waiting list.
    const dialog = ana.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Cancel your registration for “${title}”?`);
    await assertAccessible(ana);
    await dialog.getByRole('button', { name: 'Cancel my registration' }).click();
    await ana.getByRole('status').filter({ hasText: `Your registration for “${title}” was cancelled.` }).waitFor();
    await mine.getByRole('button', { name: 'Join the waiting list' }).waitFor();

    await luc.reload();
    const his = listItem(luc, 'Upcoming encounters', title);
    await his.getByText('You have a seat.').waitFor();
    await his.getByRole('button', { name: 'Cancel my registration' }).waitFor();
    expect(await his.getByRole('link', { name: `Join “${title}” online` }).getAttribute('href')).toBe(joinUrl);
    expect(await mine.getByRole('link').count()).toBe(0);
  });

  it('shows the date in Spanish on the Spanish page, accessibly', { timeout: patience }, async () => {
    const lucEs = await signIn('luc@demo.twinspace', 'es-ES');
    await lucEs.goto(`${site}/es/encounters/`);
    await lucEs.getByRole('heading', { level: 1, name: 'Encuentros en línea' }).waitFor();
    const encounter = listItem(lucEs, 'Próximos encuentros', title);
    await encounter.waitFor();
    const cuando = shown('es-ES');
    expect(cuando).toMatch(/ \(CES?T\)$/);
    expect(await encounter.textContent()).toContain(cuando);
    await encounter.getByText('Tienes plaza.').waitFor();
    expect(await encounter.getByRole('link', { name: `Unirse a «${title}» en línea` }).getAttribute('href')).toBe(joinUrl);
    await assertAccessible(lucEs);
  });
});

describe('the resource library in a browser', () => {
  it('filters by tag and language, and links only https addresses', { timeout: patience }, async () => {
    const tag = `unsafe-${ulid().slice(-6).toLowerCase()}`;
    // Stored behind the API's back: the page must not trust what it reads.
    await createResource(tableStoreOf(endpoints), {
      resourceId: ulid(), title: 'Not a real link', url: 'javascript:alert(1)', description: '', tags: [tag], language: 'en',
      addedBy: 'x', addedByName: 'NSS France', createdAt: new Date().toISOString(),
    });

    const eva = await signIn('eva@demo.twinspace');
    await eva.getByRole('link', { name: 'Resource library' }).click();
    await eva.getByRole('heading', { level: 1, name: 'Resource library' }).waitFor();
    const filters = eva.getByRole('region', { name: 'Search the library' });
    await filters.getByLabel('Tag').fill('climate');
    await filters.getByLabel('Language').fill('es');
    await filters.getByRole('button', { name: 'Search' }).click();
    await eva.getByRole('status').filter({ hasText: '1 resource shown.' }).waitFor();
    const results = eva.getByRole('region', { name: 'Resources', exact: true });
    const link = results.getByRole('link', { name: 'El cambio climático en el aula' });
    expect(await link.getAttribute('href')).toBe('https://example.org/clima-aula');
    expect(await results.getByText('Climate change: a lesson kit').count()).toBe(0);
    expect(await eva.getByRole('region', { name: 'Add a resource' }).isVisible()).toBe(false);
    await assertAccessible(eva);

    await filters.getByLabel('Tag').fill(tag);
    await filters.getByLabel('Language').fill('');
    await filters.getByRole('button', { name: 'Search' }).click();
    await results.getByRole('heading', { name: 'Not a real link' }).waitFor();
    expect(await results.getByRole('link').count()).toBe(0);
    await results.getByText('Address (not a secure link): javascript:alert(1)').waitFor();
    await assertAccessible(eva);
  });

  it('finds resources by a word of their description, in Spanish without its accent', { timeout: patience }, async () => {
    const eva = await signIn('eva@demo.twinspace', 'es-ES');
    await eva.goto(`${site}/es/resources/`);
    const filters = eva.getByRole('region', { name: 'Buscar en la biblioteca' });
    await filters.getByLabel('Palabras').fill('CLIMATICO aula');
    await filters.getByRole('button', { name: 'Buscar' }).click();
    const results = eva.getByRole('region', { name: 'Recursos', exact: true });
    await results.getByRole('link', { name: 'El cambio climático en el aula' }).waitFor();
    // The search's own answer (the whole library, shown before it, holds the same link): one resource found.
    await eva.getByText('Se muestra 1 recurso.').waitFor();
    expect(await results.getByText('Climate change: a lesson kit').count()).toBe(0);
    await assertAccessible(eva);

    // "river" is only in the description of the water resource.
    await eva.goto(`${site}/en/resources/`);
    const english = eva.getByRole('region', { name: 'Search the library' });
    await english.getByLabel('Words').fill('river');
    await english.getByRole('button', { name: 'Search' }).click();
    await eva.getByRole('region', { name: 'Resources', exact: true }).getByRole('link', { name: 'Measuring water quality with pupils' }).waitFor();
    await assertAccessible(eva);
  });

  it('lets the NSS add a resource that then shows in the library', { timeout: patience }, async () => {
    const nss = await signIn('nss.fr@demo.twinspace');
    await nss.goto(`${site}/en/resources/`);
    const form = nss.getByRole('region', { name: 'Add a resource' });
    await form.waitFor();
    const title = `Maps of rivers ${ulid().slice(-6)}`;
    await form.getByLabel('Title').fill(title);
    await form.getByLabel('Link').fill('http://example.org/maps');
    await form.getByLabel('Tags').fill('geography, maps');
    await form.getByLabel('Language').fill('fr');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await form.getByText('Give a link starting with https://').waitFor();
    await assertAccessible(nss);

    await form.getByLabel('Link').fill('https://example.org/maps');
    await form.getByRole('button', { name: 'Add to the library' }).click();
    await nss.getByRole('status').filter({ hasText: `“${title}” was added to the library.` }).waitFor();
    await nss.getByRole('region', { name: 'Resources', exact: true }).getByRole('link', { name: title }).waitFor();
    await assertAccessible(nss);
  });
});
