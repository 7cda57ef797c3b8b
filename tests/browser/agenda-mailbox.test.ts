/**
 * A TwinSpace's agenda and mailbox in a real browser, in a fresh TwinSpace:
 * Ana adds an event and sees it (date in her time zone, the link a safe
 * link) but not in the public calendar until she ticks it there (then it is
 * marked public, and the feed has its title and time only; 390 px scrolls
 * nothing sideways), an edit that crossed someone else's keeps what she typed; Eva sees
 * the event and writes to Ana, who reads it in her inbox; a pupil is offered
 * only the teachers; the guest (a visitor) reads the agenda and gets no write
 * form; the Spanish pages speak Spanish. axe checks every page.
 */
import { AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { assertAccessible, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { apiGet, apiSend } from '../support/clients.ts';
import { testPassword } from '../support/cognito-users.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const patience = 90_000;
const timeZone = 'Europe/Madrid';
const endpoints = inject('endpoints');

let visitors: Visitors;
let site: string;
let space: TestTwinspace;
let projectTitle: string;

// An event three days ahead, 09:30–11:00 in Madrid, as Ana types it.
const day = new Date(Date.now() + 3 * 24 * 3600_000);
const localDate = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short' }).format(day);
const startsAt = new Date(`${localDate}T09:30:00${offsetOf(day)}`);
const eventTitle = `River walk ${Date.now().toString(36)}`;
const movedTitle = `${eventTitle} (moved)`;
const subject = `Photos of the river ${Date.now().toString(36)}`;

/** Madrid's UTC offset on that day, as ±hh:mm. */
function offsetOf(at: Date): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')!.value;
  return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
}

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
  space = await newTwinspace(endpoints);
  projectTitle = (await apiGet(endpoints, `/projects/${space.projectId}`, space.members['teacher-admin'].idToken)).body.title;
}, patience);

afterAll(async () => {
  await visitors?.close();
});

async function signIn(username: string, locale = 'en-GB'): Promise<Page> {
  return signInToDesktop(await visitors.page({ locale, timezoneId: timeZone }), site, username);
}

const agendaUrl = (lang = 'en') => `${site}/${lang}/twinspace/agenda/?id=${space.projectId}`;
const mailboxUrl = (lang = 'en') => `${site}/${lang}/twinspace/mailbox/?id=${space.projectId}`;
const eventItem = (page: Page, title: string) =>
  page.getByRole('region', { name: /Upcoming events|Próximos eventos/ }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

describe('the agenda in a browser', () => {
  let ana: Page;

  it('Ana opens it from the TwinSpace and adds an event, shown in her time zone with a safe link', { timeout: patience }, async () => {
    ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    await ana.getByRole('link', { name: 'Agenda', exact: true }).click();
    await ana.getByRole('heading', { level: 1, name: `Agenda of ${projectTitle}` }).waitFor();
    await ana.getByText('No upcoming events.').waitFor();
    await assertAccessible(ana);

    const form = ana.getByRole('region', { name: 'Add an event' });
    await form.getByRole('button', { name: 'Add the event' }).click();
    await form.getByText('Please fill this in.').first().waitFor();
    await ana.waitForFunction(() => document.activeElement?.id === 'event-title'); // the first wrong field has the focus
    await form.getByLabel('Title', { exact: true }).fill(eventTitle);
    await form.getByLabel('Start date').fill(localDate);
    await form.getByLabel('Start time').fill('09:30');
    await form.getByLabel('End time').fill('11:00');
    await form.getByLabel('Location (optional)').fill('Ebro riverbank, Zaragoza');
    await form.getByLabel('Link (optional)').fill('https://example.org/river-walk');
    await form.getByLabel('Description (optional)').fill('Bring boots.\nWe meet at the bridge.');
    // Not public unless she says so.
    expect(await form.getByRole('checkbox', { name: 'Show in the public calendar (title and time only)' }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Add the event' }).click();
    await ana.getByRole('status').filter({ hasText: `The event “${eventTitle}” was added.` }).waitFor();

    const event = eventItem(ana, eventTitle);
    await event.waitFor();
    const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone }).format(startsAt);
    expect(await event.textContent()).toContain(date);
    expect(await event.getByRole('time').getAttribute('datetime')).toBe(startsAt.toISOString());
    expect(await event.textContent()).toContain('Ebro riverbank, Zaragoza');
    expect(await event.getByText('Bring boots.').innerText()).toBe('Bring boots.\nWe meet at the bridge.');
    const link = event.getByRole('link', { name: 'https://example.org/river-walk' });
    expect(await link.getAttribute('href')).toBe('https://example.org/river-walk');
    expect(await link.getAttribute('rel')).toBe('noopener');
    await assertAccessible(ana);

    // "Add to my calendar" is the public feed on the API: the event is not in it, nor marked public here.
    const calendar = await ana.getByRole('link', { name: 'Add to my calendar (iCalendar)' }).getAttribute('href');
    expect(calendar).toBe(`${endpoints.api.replace(/\/+$/, '')}/public/projects/${space.projectId}/agenda.ics`);
    const feed = await (await fetch(calendar!)).text();
    expect(feed).toContain('BEGIN:VCALENDAR');
    expect(feed).not.toContain(eventTitle);
    expect(await event.getByText('In the public calendar (title and time)').count()).toBe(0);
  });

  it('an edit crossed by someone else’s keeps what Ana typed, and saves on the second try', { timeout: patience }, async () => {
    const event = eventItem(ana, eventTitle);
    await event.getByRole('button', { name: 'Edit' }).click();
    const form = ana.getByRole('region', { name: `Edit “${eventTitle}”` });
    await form.getByLabel('Title', { exact: true }).fill(movedTitle);

    // Luc changes the place meanwhile, through the API.
    const luc = space.secondFounder.idToken;
    const listed = await apiGet(endpoints, `/projects/${space.projectId}/agenda`, luc);
    const stored = listed.body.items.find((item: { title: string }) => item.title === eventTitle);
    const { eventId, projectId, createdBy, createdAt, updatedAt, ...fields } = stored;
    const changed = await apiSend(endpoints, 'PUT', `/projects/${space.projectId}/agenda/${eventId}`, luc, { ...fields, location: 'Pilar bridge' });
    expect(changed.status).toBe(200);

    await form.getByRole('button', { name: 'Save the changes' }).click();
    await ana.getByRole('alert').filter({ hasText: 'Someone changed this event elsewhere meanwhile.' }).waitFor();
    expect(await form.getByLabel('Title', { exact: true }).inputValue()).toBe(movedTitle);
    await eventItem(ana, eventTitle).getByText('Pilar bridge').waitFor();
    await assertAccessible(ana);

    await form.getByRole('button', { name: 'Save the changes' }).click();
    await ana.getByRole('status').filter({ hasText: `The event “${movedTitle}” was saved.` }).waitFor();
    await eventItem(ana, movedTitle).waitFor();
    expect(await eventItem(ana, eventTitle).count()).toBe(0);
  });

  it('Ana ticks "Show in the public calendar": the event is marked public, and the feed has its title and time only', { timeout: patience }, async () => {
    await eventItem(ana, movedTitle).getByRole('button', { name: 'Edit' }).click();
    const form = ana.getByRole('region', { name: `Edit “${movedTitle}”` });
    const box = form.getByRole('checkbox', { name: 'Show in the public calendar (title and time only)' });
    expect(await box.isChecked()).toBe(false);
    // The hint, read with the box, says what never goes public.
    expect(await box.getAttribute('aria-describedby')).toBe('event-public-hint');
    expect(await ana.locator('#event-public-hint').textContent()).toContain('The place, the link and the description never go public.');
    await box.check();
    await form.getByRole('button', { name: 'Save the changes' }).click();
    await ana.getByRole('status').filter({ hasText: `The event “${movedTitle}” was saved.` }).waitFor();

    const event = eventItem(ana, movedTitle);
    await event.getByText('In the public calendar (title and time)').waitFor();
    expect(await event.textContent()).toContain('Ebro riverbank, Zaragoza'); // members still read the place
    await assertAccessible(ana);

    const feed = (await (await fetch(`${endpoints.api.replace(/\/+$/, '')}/public/projects/${space.projectId}/agenda.ics`)).text()).replace(/\r\n /g, '');
    expect(feed).toContain(`SUMMARY:${movedTitle}`);
    expect(feed).toContain(`DTSTART:${startsAt.toISOString().replace(/[-:]|\.\d{3}/g, '')}`);
    expect(feed).not.toMatch(/Ebro|river-walk|Bring boots/);

    // Back in the form, the box is ticked: a later edit keeps the event public unless she unticks it.
    await event.getByRole('button', { name: 'Edit' }).click();
    expect(await ana.getByRole('region', { name: `Edit “${movedTitle}”` }).getByRole('checkbox', { name: 'Show in the public calendar (title and time only)' }).isChecked()).toBe(true);
    await ana.getByRole('button', { name: 'Cancel editing' }).click();
  });

  it('Ana deletes an event after confirming', { timeout: patience }, async () => {
    const doomed = `Cancelled visit ${Date.now().toString(36)}`;
    const later = new Date(startsAt.getTime() + 24 * 3600_000);
    const created = await apiSend(endpoints, 'POST', `/projects/${space.projectId}/agenda`, space.members['teacher-admin'].idToken, {
      title: doomed,
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 3600_000).toISOString(),
    });
    expect(created.status).toBe(201);
    await ana.reload();
    const event = eventItem(ana, doomed);
    // The kit's ConfirmDialog (a modal <dialog>, named by its question) instead of the browser's confirm():
    // it opens on Cancel, Escape cancels, and focus goes back to the Delete button.
    const confirm = ana.getByRole('dialog', { name: `Delete the event “${doomed}”? This cannot be undone.` });
    await event.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor();
    expect(await ana.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await ana.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    // Focus goes back to Delete once the dialog has closed (Preact closes it in an effect, after its render).
    await expect.poll(() => ana.evaluate(() => document.activeElement?.textContent)).toBe('Delete');
    await eventItem(ana, doomed).waitFor();

    await event.getByRole('button', { name: 'Delete' }).click();
    await assertAccessible(ana);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await ana.getByRole('status').filter({ hasText: `The event “${doomed}” was deleted.` }).waitFor();
    expect(await eventItem(ana, doomed).count()).toBe(0);
    await eventItem(ana, movedTitle).waitFor();
  });

  it('Eva, in her own browser, sees the event', { timeout: patience }, async () => {
    const eva = await signIn('eva@demo.twinspace');
    await eva.goto(agendaUrl());
    const event = eventItem(eva, movedTitle);
    await event.waitFor();
    // Ana's second save replaced Luc's version with what she had typed.
    expect(await event.textContent()).toContain('Ebro riverbank, Zaragoza');
    expect(await event.textContent()).not.toContain('Pilar bridge');
    // A member teacher edits the agenda too.
    await event.getByRole('button', { name: 'Edit' }).waitFor();
    await assertAccessible(eva);
  });

  it('shows the agenda in Spanish on the Spanish page', { timeout: patience }, async () => {
    const anaEs = await signIn('ana@demo.twinspace', 'es-ES');
    await anaEs.goto(agendaUrl('es'));
    await anaEs.getByRole('heading', { level: 1, name: `Agenda de ${projectTitle}` }).waitFor();
    const event = eventItem(anaEs, movedTitle);
    await event.waitFor();
    const fecha = new Intl.DateTimeFormat('es-ES', { dateStyle: 'full', timeZone }).format(startsAt);
    expect(await event.textContent()).toContain(fecha);
    await anaEs.getByRole('region', { name: 'Añadir un evento' }).getByLabel('Fecha de inicio').waitFor();
    await anaEs.getByRole('link', { name: 'Añadir a mi calendario (iCalendar)' }).waitFor();
    await event.getByText('En el calendario público (título y hora)').waitFor();
    await anaEs.getByRole('checkbox', { name: 'Mostrar en el calendario público (solo título y hora)' }).waitFor();
    await assertAccessible(anaEs);
  });

  it('at 390 px the agenda, its form and a public event scroll nothing sideways', { timeout: patience }, async () => {
    const phone = await signInToDesktop(await visitors.page({ locale: 'es-ES', timezoneId: timeZone, viewport: { width: 390, height: 844 } }), site, 'ana@demo.twinspace');
    await phone.goto(agendaUrl('es'));
    await eventItem(phone, movedTitle).getByText('En el calendario público (título y hora)').waitFor();
    await eventItem(phone, movedTitle).getByRole('button', { name: 'Editar' }).click();
    await phone.getByRole('checkbox', { name: 'Mostrar en el calendario público (solo título y hora)' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await assertAccessible(phone);
  });
});

describe('the mailbox in a browser', () => {
  it('Eva writes to Ana, choosing her among the members', { timeout: patience }, async () => {
    const eva = await signIn('eva@demo.twinspace');
    await eva.goto(mailboxUrl());
    await eva.getByRole('heading', { level: 1, name: `Mailbox of ${projectTitle}` }).waitFor();
    await eva.getByText('No messages here.').waitFor();
    await assertAccessible(eva);

    const write = eva.getByRole('region', { name: 'Write a message' });
    await write.getByLabel('To').selectOption({ label: 'Ana García — Teacher administrator' });
    await write.getByLabel('Subject').fill(subject);
    await write.getByLabel('Message').fill('Here are the photos.\nSee you on the walk!');
    await write.getByRole('button', { name: 'Send' }).click();
    await eva.getByRole('status').filter({ hasText: `Your message “${subject}” was sent to Ana García.` }).waitFor();
    const sent = eva.getByRole('region', { name: 'Sent' });
    await sent.getByRole('button', { name: subject }).waitFor();
    expect(await sent.textContent()).toContain('To Ana García');
    await assertAccessible(eva);
  });

  it('Ana reads it in her inbox', { timeout: patience }, async () => {
    const ana = await signIn('ana@demo.twinspace');
    await ana.goto(`${site}/en/twinspace/?id=${space.projectId}`);
    await ana.getByRole('link', { name: 'Mailbox', exact: true }).click();
    const inbox = ana.getByRole('region', { name: 'Inbox' });
    const open = inbox.getByRole('button', { name: subject });
    await open.waitFor();
    expect(await inbox.textContent()).toContain('From Eva Rossi');
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    expect(await inbox.getByText('Here are the photos.').innerText()).toBe('Here are the photos.\nSee you on the walk!');
    await inbox.getByRole('button', { name: 'Reply' }).click();
    // Reply fills the form: to Eva, "Re: " the subject, the message box focused.
    const write = ana.getByRole('region', { name: 'Write a message' });
    expect(await write.getByLabel('To').locator('option:checked').textContent()).toBe('Eva Rossi — Member teacher');
    expect(await write.getByLabel('Subject').inputValue()).toBe(`Re: ${subject}`);
    expect(await write.getByLabel('Message').evaluate((element) => element === document.activeElement)).toBe(true);
    await assertAccessible(ana);
  });

  it('a pupil is offered only the project’s teachers', { timeout: patience }, async () => {
    const pupil = space.members['pupil-member'];
    const cognito = new CognitoIdentityProviderClient({ endpoint: endpoints.cognito.endpoint, region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: endpoints.cognito.userPoolId, Username: pupil.username!, Password: testPassword, Permanent: true }));
    cognito.destroy();

    const page = await visitors.page({ locale: 'en-GB', timezoneId: timeZone });
    const next = `/en/twinspace/mailbox/?id=${space.projectId}`;
    await fillSignIn(page, site, pupil.username!, testPassword, next);
    await page.waitForURL(`${site}${next}`);
    const write = page.getByRole('region', { name: 'Write a message' });
    await write.getByText('Pupils write to the project’s teachers.').waitFor();
    const offered = await write.getByLabel('To').locator('option').allTextContents();
    expect(offered.slice(1).sort()).toEqual(['Ana García — Teacher administrator', 'Eva Rossi — Member teacher', 'Luc Moreau — Teacher administrator']);
    await assertAccessible(page);
  });

  it('the guest reads the agenda, and the mailbox without a write form', { timeout: patience }, async () => {
    const guest = await signIn('guest@demo.twinspace');
    await guest.goto(agendaUrl());
    const event = eventItem(guest, movedTitle);
    await event.waitFor();
    expect(await event.getByRole('button').count()).toBe(0);
    expect(await guest.getByLabel('Title', { exact: true }).count()).toBe(0);
    await assertAccessible(guest);

    await guest.goto(mailboxUrl());
    await guest.getByText('Visitors read the messages they receive here, but do not write in the TwinSpace mailbox.').waitFor();
    expect(await guest.getByLabel('Subject').count()).toBe(0);
    expect(await guest.getByRole('button', { name: 'Send' }).count()).toBe(0);
    await assertAccessible(guest);
  });

  it('shows the mailbox in Spanish on the Spanish page', { timeout: patience }, async () => {
    const anaEs = await signIn('ana@demo.twinspace', 'es-ES');
    await anaEs.goto(mailboxUrl('es'));
    await anaEs.getByRole('heading', { level: 1, name: `Buzón de ${projectTitle}` }).waitFor();
    const inbox = anaEs.getByRole('region', { name: 'Recibidos' });
    await inbox.getByRole('button', { name: subject }).waitFor();
    expect(await inbox.textContent()).toContain('De Eva Rossi');
    await anaEs.getByRole('region', { name: 'Escribir un mensaje' }).getByLabel('Asunto').waitFor();
    await assertAccessible(anaEs);
  });
});
