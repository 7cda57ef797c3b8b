/**
 * A teacher signs up in the site, in a real browser against the local stack:
 * the sign-in page links to "Create a teacher account" → the form checks its
 * fields next to them → sign-up → "your NSS will check your account" (or, for
 * an address already registered, "we e-mailed you") →
 * signing in now says the account awaits validation → nss.es validates them
 * on the NSS teachers page → the teacher signs in and sees the desktop.
 * Every page visited is checked with axe, in English and in Spanish.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { answerSignInCode, assertAccessible, demoPassword, fillSignIn, siteAddress, Visitors } from '../support/browser.ts';

const teacherPassword = 'Olivos-Sign-Up-7';
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

describe('a teacher signs up and their NSS validates them', () => {
  it(
    'signs up, is told to wait, is validated by nss.es on the NSS page, then signs in to the desktop',
    async () => {
      const email = `lucia.${Date.now().toString(36)}@signup.example`;
      const name = `Lucía Navarro ${Date.now().toString(36)}`;

      const page = await visitor();
      await page.goto(`${site}/en/`);
      await page.getByRole('link', { name: /Create a teacher account/ }).click();
      await page.waitForURL(`${site}/en/signup/`);
      await page.getByRole('heading', { level: 1, name: 'Create a teacher account' }).waitFor();
      await assertAccessible(page);

      // Problems are shown next to their fields, before anything is sent.
      await page.getByLabel('E-mail address').fill('not-an-address');
      await page.getByLabel('Password', { exact: true }).fill('weak');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByText('Enter an e-mail address such as name@school.eu.').waitFor();
      await page.getByText('The password does not follow the rules above.').waitFor();
      await page.getByText('Choose your country.').waitFor();
      expect(await page.getByLabel('E-mail address').getAttribute('aria-invalid')).toBe('true');
      await assertAccessible(page);

      await page.getByLabel('E-mail address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(teacherPassword);
      await page.getByLabel('Password again').fill(teacherPassword);
      await page.getByLabel('Your name').fill(name);
      await page.getByLabel('Country').selectOption({ label: 'Spain' });
      await page.getByLabel('School name').fill('CEIP Los Olivos');
      await page.getByLabel('Town or city of the school').fill('Córdoba');
      await page.getByRole('button', { name: 'Create my account' }).click();
      await page.getByRole('heading', { name: 'Thank you: your sign-up is received' }).waitFor();
      await page.getByText(`Your National Support Service will now check your account. You will get an e-mail at ${email}`).waitFor();
      // The page cannot tell a new address from a registered one (the API answers both alike), so it says what happens in either case.
      await page.getByText('If this address already has a Twinspace account, nothing was created: we e-mailed you about it instead.').waitFor();
      await assertAccessible(page);

      await fillSignIn(page, site, email, teacherPassword);
      await page.getByRole('alert').filter({ hasText: 'Your account awaits validation by your National Support Service.' }).waitFor();
      await assertAccessible(page);

      const nss = await visitor();
      await fillSignIn(nss, site, 'nss.es@demo.twinspace', demoPassword);
      await nss.waitForURL(`${site}/en/desktop/`);
      await nss.goto(`${site}/en/nss/`);
      await nss.getByRole('link', { name: 'Teachers waiting for validation' }).click();
      await nss.waitForURL(`${site}/en/nss/teachers/`);
      const waiting = nss.getByRole('listitem').filter({ has: nss.getByRole('heading', { name }) });
      // Other tests may have left teachers waiting before ours: page on until it shows.
      // The page shows itself once GET /me says the kind may use it (KindOnly), then loads its list.
      await nss.locator('#nss-teachers').waitFor();
      await nss.locator('#teachers-loading').waitFor({ state: 'hidden' });
      while ((await waiting.count()) === 0) {
        await nss.getByRole('button', { name: 'Show more' }).click();
      }
      await expect(waiting.getByText(`E-mail: ${email}`).count()).resolves.toBe(1);
      await assertAccessible(nss);

      // Rejecting asks for a reason first; without one nothing is sent.
      await waiting.getByRole('button', { name: 'Reject' }).click();
      await waiting.getByRole('button', { name: 'Reject and delete the account' }).click();
      await waiting.getByText('Write the reason, so the teacher knows what to correct.').waitFor();
      await assertAccessible(nss);
      await waiting.getByRole('button', { name: 'Cancel' }).click();

      await waiting.getByRole('button', { name: 'Validate' }).click();
      await nss.getByRole('status').filter({ hasText: `You validated ${name}. They can sign in now.` }).waitFor();
      expect(await nss.getByRole('heading', { name }).count()).toBe(0);
      await assertAccessible(nss);

      await fillSignIn(page, site, email, teacherPassword);
      await page.waitForURL(`${site}/en/desktop/`);
      await page.getByRole('heading', { level: 1, name: 'My desktop' }).waitFor();
      await page.getByText(name).first().waitFor();
      await assertAccessible(page);
    },
    patience * 3,
  );

  it(
    'offers the sign-up page in Spanish, with country names in Spanish, and the NSS teachers page',
    async () => {
      const page = await visitor();
      await page.goto(`${site}/es/signup/`);
      await page.getByRole('heading', { level: 1, name: 'Crear una cuenta de docente' }).waitFor();
      expect(await page.getByLabel('País').locator('option', { hasText: 'España' }).getAttribute('value')).toBe('ES');
      expect(await page.getByLabel('País').locator('option', { hasText: 'Alemania' }).getAttribute('value')).toBe('DE');
      await assertAccessible(page);

      await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
      await page.getByText('Elige tu país.').waitFor();
      await assertAccessible(page);

      await page.goto(`${site}/es/`);
      await page.getByLabel('Nombre de usuario', { exact: true }).fill('nss.es@demo.twinspace');
      await page.getByLabel('Contraseña', { exact: true }).fill(demoPassword);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await answerSignInCode(page, 'nss.es@demo.twinspace', 'es');
      await page.waitForURL(`${site}/es/desktop/`);
      await page.goto(`${site}/es/nss/teachers/`);
      await page.getByRole('heading', { level: 1, name: 'Docentes pendientes de validación' }).waitFor();
      // The page shows itself once GET /me says the kind may use it (KindOnly), then loads its list.
      await page.locator('#nss-teachers').waitFor();
      await page.locator('#teachers-loading').waitFor({ state: 'hidden' });
      await assertAccessible(page);
    },
    patience * 2,
  );
});
