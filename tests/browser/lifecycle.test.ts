/**
 * Issue 3 in a real browser against the local stack: Ana creates a project
 * with Luc → Luc accepts → the NSS of Spain and of France approve → Ana opens
 * the TwinSpace (both founders teacher administrators), creates a pupil whose
 * one-time password is shown once → the pupil signs in with it and chooses a
 * password → Ana makes the pupil a pupil administrator → closes the project
 * (read-only, chat refused) → reopens it. Every page visited is checked with axe.
 */
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerSignInCode, assertAccessible, demoPassword, fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';

const patience = 60_000;

let visitors: Visitors;
let site: string;

beforeAll(async () => {
  site = siteAddress(inject('endpoints'));
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

const visitor = () => visitors.page();

async function signIn(username: string): Promise<Page> {
  return signInToDesktop(await visitor(), site, username);
}

/** The desktop row of one project (its link, state and my type). */
function projectRow(page: Page, title: string) {
  return page.getByRole('region', { name: 'My projects' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
}

/** Opens one of the TwinSpace's tabs (Chat, Members…) from its shell. */
async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'TwinSpace sections' }).getByRole('link', { name: tab, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: tab }).waitFor();
}

function rosterRow(page: Page, name: string) {
  return page.getByRole('region', { name: 'Members', exact: true }).getByRole('listitem').filter({ hasText: name });
}

async function approveAs(nss: string, title: string): Promise<void> {
  const page = await signIn(nss);
  await page.getByRole('link', { name: 'Projects waiting for my approval' }).click();
  await page.waitForURL(`${site}/en/nss/`);
  const waiting = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await waiting.waitFor();
  await assertAccessible(page);

  // Rejecting asks for a reason first; without one nothing is sent.
  await waiting.getByRole('button', { name: 'Reject' }).click();
  await waiting.getByRole('button', { name: 'Reject the project' }).click();
  await waiting.getByText('Write the reason, so the founders know what to change.').waitFor();
  await assertAccessible(page);
  await waiting.getByRole('button', { name: 'Cancel' }).click();

  await waiting.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('status').filter({ hasText: `You approved “${title}”.` }).waitFor();
  expect(await page.getByRole('heading', { name: title }).count()).toBe(0);
  await assertAccessible(page);
}

describe('a project from creation to closing, in a browser', () => {
  const title = `Rivers and rain ${Date.now().toString(36)}`;
  const pupilName = 'Nora Blanco';
  let ana: Page;
  let pupil: { username: string; oneTimePassword: string };

  it('Ana creates a project with Luc from her desktop', { timeout: patience }, async () => {
    ana = await signIn('ana@demo.twinspace');
    await assertAccessible(ana);
    await ana.getByRole('link', { name: 'Create a project' }).click();
    await ana.getByRole('heading', { level: 1, name: 'Create a project' }).waitFor();

    // An empty form is checked before anything is sent, each problem next to its field.
    await ana.getByRole('button', { name: 'Create the project' }).click();
    await ana.getByRole('alert').filter({ hasText: 'Some fields need attention' }).waitFor();
    expect(await ana.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await assertAccessible(ana);

    await ana.getByLabel('Title', { exact: true }).fill(title);
    await ana.getByLabel('Description', { exact: true }).fill('Our pupils measure the rain in Seville and in Lyon.');
    await ana.getByLabel('Subjects', { exact: true }).fill('Science, Geography');
    await ana.getByLabel('From age').fill('10');
    await ana.getByLabel('To age').fill('12');
    await ana.getByLabel('Languages', { exact: true }).fill('en, es, fr');
    await ana.getByLabel("Partner's username").fill('luc@demo.twinspace');
    await ana.getByRole('button', { name: 'Create the project' }).click();

    await ana.waitForURL(/\/en\/desktop\/\?created=/);
    await ana.getByRole('status').filter({ hasText: `Your project “${title}” was created.` }).waitFor();
    const row = projectRow(ana, title);
    await row.waitFor();
    expect(await row.textContent()).toContain('Proposed');
    await assertAccessible(ana);
  });

  it('Luc sees the invitation on his desktop and accepts it', { timeout: patience }, async () => {
    const luc = await signIn('luc@demo.twinspace');
    const invitation = luc.getByRole('region', { name: 'Invitations' }).getByRole('listitem').filter({ hasText: title });
    await invitation.waitFor();
    expect(await invitation.textContent()).toContain('Invited by Ana García (ES)');
    expect(await invitation.textContent()).toContain('Our pupils measure the rain in Seville and in Lyon.');
    await assertAccessible(luc);

    await invitation.getByRole('button', { name: 'Accept' }).click();
    await luc.getByRole('status').filter({ hasText: `You accepted “${title}”.` }).waitFor();
    expect(await invitation.count()).toBe(0);
    expect(await projectRow(luc, title).textContent()).toContain('Waiting for approval');
    await assertAccessible(luc);
  });

  it('the NSS of Spain, then of France, approve it on their page', { timeout: patience * 2 }, async () => {
    await approveAs('nss.es@demo.twinspace', title);
    await approveAs('nss.fr@demo.twinspace', title);
  });

  it('the TwinSpace opens with both founders as teacher administrators', { timeout: patience }, async () => {
    await ana.goto(`${site}/en/desktop/`);
    const row = projectRow(ana, title);
    await row.filter({ hasText: 'Approved' }).waitFor();
    expect(await row.textContent()).toContain('Teacher administrator');
    await row.getByRole('link', { name: title }).click();
    await ana.getByRole('heading', { level: 1, name: title }).waitFor();
    await openTab(ana, 'Chat');
    await ana.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await assertAccessible(ana);
    await openTab(ana, 'Members');
    await rosterRow(ana, 'Luc Moreau').waitFor();
    expect(await rosterRow(ana, 'Ana García').textContent()).toContain('Teacher administrator');
    expect(await rosterRow(ana, 'Luc Moreau').textContent()).toContain('Teacher administrator');
    await ana.getByRole('region', { name: 'Manage members' }).waitFor();
    await assertAccessible(ana);
  });

  it('Ana creates a pupil account; the one-time password is shown once', { timeout: patience }, async () => {
    await ana.getByLabel("Pupil's name").fill(pupilName);
    await ana.getByRole('button', { name: 'Create the account' }).click();
    const secret = ana.getByRole('group', { name: `Sign-in details for ${pupilName}` });
    await secret.waitFor();
    expect(await secret.textContent()).toContain('the password will not be shown again');
    pupil = {
      username: ((await ana.locator('#secret-username').textContent()) ?? '').trim(),
      oneTimePassword: ((await ana.locator('#secret-password').textContent()) ?? '').trim(),
    };
    expect(pupil.username).not.toBe('');
    expect(pupil.oneTimePassword.length).toBeGreaterThanOrEqual(10);
    expect(await rosterRow(ana, 'Nora').textContent()).toContain('Pupil member');
    await assertAccessible(ana);

    // Once written down, it is gone from the page.
    await secret.getByRole('button', { name: 'I have written them down' }).click();
    expect(await ana.getByText(pupil.oneTimePassword).count()).toBe(0);
  });

  it('the pupil signs in with it, chooses a password and reaches the TwinSpace', { timeout: patience }, async () => {
    const page = await visitor();
    await fillSignIn(page, site, pupil.username, pupil.oneTimePassword);
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await page.getByText('at least 8 characters').waitFor();
    await assertAccessible(page);

    // A password that breaks the rules is refused with a clear message.
    await page.getByLabel('New password', { exact: true }).fill('rivers');
    await page.getByLabel('Type the new password again').fill('rivers');
    await page.getByRole('button', { name: 'Save my password' }).click();
    // Refused next to the password box (the kit's FormField error), the box marked invalid.
    await page.getByText('does not follow the rules').waitFor();
    expect(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    const chosen = 'Blue-River-2026';
    await page.getByLabel('New password', { exact: true }).fill(chosen);
    await page.getByLabel('Type the new password again').fill(chosen);
    await page.getByRole('button', { name: 'Save my password' }).click();
    await page.waitForURL(`${site}/en/desktop/`);
    await projectRow(page, title).getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await openTab(page, 'Chat');
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await openTab(page, 'Members');
    await rosterRow(page, 'Nora').waitFor();
    expect(await page.getByRole('region', { name: 'Manage members' }).count()).toBe(0);
    await assertAccessible(page);

    // The chosen password is now the one that works.
    const again = await visitor();
    await fillSignIn(again, site, pupil.username, chosen);
    await again.waitForURL(`${site}/en/desktop/`);
  });

  it('Ana makes the pupil a pupil administrator; the roster shows it', { timeout: patience }, async () => {
    const manage = ana.getByRole('region', { name: 'Manage members' });
    const typeSelect = manage.getByRole('combobox', { name: `Type of ${pupilName}` });
    // A pupil can only hold pupil types.
    expect(await typeSelect.locator('option').allTextContents()).toEqual(['Pupil administrator', 'Pupil member']);
    await typeSelect.selectOption('pupil-admin');
    await manage.getByRole('button', { name: `Change type: ${pupilName}` }).click();
    await ana.getByRole('status').filter({ hasText: `${pupilName} is now: Pupil administrator.` }).waitFor();
    expect(await rosterRow(ana, 'Nora').textContent()).toContain('Pupil administrator');
    await assertAccessible(ana);
  });

  it('Ana closes the project: read-only for everyone, the chat refused; then reopens it', { timeout: patience }, async () => {
    // Closing asks first, in the kit's confirm dialog.
    await ana.getByRole('button', { name: 'Close the project' }).click();
    await ana.getByRole('dialog').getByRole('button', { name: 'Close the project' }).click();
    await ana.getByText('This project is closed: its TwinSpace is read-only for everyone.').waitFor();
    await ana.getByRole('status').filter({ hasText: 'The project is closed.' }).waitFor();
    expect(await ana.getByRole('button', { name: 'Add to the project' }).count()).toBe(0);
    expect(await ana.getByRole('button', { name: 'Create the account' }).count()).toBe(0);
    expect(await ana.getByRole('button', { name: /^Change type/ }).count()).toBe(0);
    expect(await ana.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await ana.getByRole('button', { name: 'Close the project' }).count()).toBe(0);
    expect(await rosterRow(ana, 'Nora').textContent()).toContain('Pupil administrator');
    await assertAccessible(ana);

    // The chat itself refuses a member of a closed project, whatever the page shows.
    const idToken = await ana.evaluate(() => JSON.parse(sessionStorage.getItem('twinspace.session') ?? '{}').idToken as string);
    const projectId = new URL(ana.url()).searchParams.get('id') ?? '';
    expect(await chatJoinAnswer(idToken, projectId)).toMatchObject({ type: 'error', code: 'FORBIDDEN', projectId });
    // The Chat tab says it is closed and offers no message box.
    await openTab(ana, 'Chat');
    await ana.getByText('The chat is closed while the project is closed.').waitFor();
    expect(await ana.getByLabel('Your message').count()).toBe(0);
    await openTab(ana, 'Members');

    await ana.getByRole('button', { name: 'Reopen the project' }).click();
    await ana.getByRole('status').filter({ hasText: 'The project is open again.' }).waitFor();
    expect(await ana.getByText('This project is closed').isVisible()).toBe(false);
    await ana.getByRole('button', { name: 'Close the project' }).waitFor();
    await openTab(ana, 'Chat');
    await ana.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await ana.getByLabel('Your message', { exact: true }).waitFor();
    await assertAccessible(ana);
  });
});

describe('the new pages in Spanish', () => {
  it('creating a project and the NSS page speak Spanish', { timeout: patience }, async () => {
    const page = await visitor();
    await page.goto(`${site}/es/`);
    await page.getByLabel('Nombre de usuario', { exact: true }).fill('ana@demo.twinspace');
    await page.getByLabel('Contraseña', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(`${site}/es/desktop/`);
    await page.getByRole('link', { name: 'Crear un proyecto' }).click();
    await page.getByRole('heading', { level: 1, name: 'Crear un proyecto' }).waitFor();
    await page.getByRole('button', { name: 'Crear el proyecto' }).click();
    await page.getByRole('alert').filter({ hasText: 'Algunos campos necesitan cambios' }).waitFor();
    await assertAccessible(page);

    const nss = await visitor();
    await nss.goto(`${site}/es/`);
    await nss.getByLabel('Nombre de usuario', { exact: true }).fill('nss.fr@demo.twinspace');
    await nss.getByLabel('Contraseña', { exact: true }).fill(demoPassword);
    await nss.getByRole('button', { name: 'Entrar' }).click();
    await answerSignInCode(nss, 'nss.fr@demo.twinspace', 'es');
    await nss.waitForURL(`${site}/es/desktop/`);
    await nss.getByRole('link', { name: 'Proyectos pendientes de mi aprobación' }).click();
    await nss.getByRole('heading', { level: 1, name: 'Proyectos pendientes de aprobación' }).waitFor();
    // Whatever other tests left waiting: either the empty notice or the first Approve button is shown (the other stays hidden).
    await nss.getByText('Ningún proyecto espera tu aprobación.').or(nss.getByRole('button', { name: 'Aprobar' })).locator('visible=true').first().waitFor();
    await assertAccessible(nss);
  });
});

/** What the live connection answers a `join` of the project's chat room (the handshake itself opens for any signed-in person). */
function chatJoinAnswer(idToken: string, projectId: string): Promise<Record<string, unknown>> {
  const chat = inject('endpoints').chat.replace(/\/+$/, '');
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${chat}/?${new URLSearchParams({ token: idToken })}`);
    socket.on('unexpected-response', (_request, response) => {
      reject(new Error(`chat handshake answered ${response.statusCode}`));
      socket.terminate();
    });
    socket.on('open', () => socket.send(JSON.stringify({ action: 'join', projectId })));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      if (frame.type !== 'joined' && frame.type !== 'error') return;
      resolve(frame);
      socket.close();
    });
    socket.on('error', (error) => reject(error));
  });
}
