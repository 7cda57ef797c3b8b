/**
 * Issue 11's second sign-in step in a browser: an NSS officer without an
 * authenticator app is taken to the Security page with the reason (after
 * sign-in, and when the API answers 403 MFA_REQUIRED); enrols from the page
 * (the QR code shown, the key read as text and a code computed from it, a
 * wrong code refused in words), signs in again answering the code (a wrong
 * one refused in words, the right one let in) and reaches the NSS page. The
 * page works with the keyboard, passes axe, fits 390 px and speaks Spanish.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newTestAccount } from '../support/accounts.ts';
import { currentCode, rememberAuthenticator } from '../support/authenticator.ts';
import { assertAccessible, siteAddress, Visitors } from '../support/browser.ts';
import { testPassword } from '../support/cognito-users.ts';

const endpoints = inject('endpoints');
const phone = { width: 390, height: 844 };
let visitors: Visitors;
let site: string;

beforeAll(async () => {
  site = siteAddress(endpoints);
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

/** A code that is none of those Cognito accepts now (the current one and its neighbours). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const near = new Set([-30_000, 0, 30_000].map((offset) => currentCode(secret, now + offset)));
  for (let candidate = 0; ; candidate += 1) {
    const code = String(candidate).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

async function typePassword(page: Page, username: string, language: 'en' | 'es' = 'en'): Promise<void> {
  await page.goto(`${site}/${language}/`);
  await page.getByLabel(language === 'es' ? 'Nombre de usuario' : 'Username', { exact: true }).fill(username);
  await page.getByLabel(language === 'es' ? 'Contraseña' : 'Password', { exact: true }).fill(testPassword);
  await page.getByRole('button', { name: language === 'es' ? 'Entrar' : 'Sign in' }).click();
}

const fitsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('an NSS officer without an authenticator app', () => {
  it('is sent to enrol, enrols from the page, signs in with the code and reaches the NSS page', { timeout: 180_000 }, async () => {
    const officer = await newTestAccount(endpoints, { kind: 'nss', country: 'PT', displayName: 'NSS Portugal', secondFactor: false });
    const page = await visitors.page({ locale: 'en-GB', viewport: phone });

    // Signed in with the password only: straight to the Security page, which says why.
    await typePassword(page, officer.username);
    await page.waitForURL(`${site}/en/security/?reason=mfa-required`);
    await page.getByRole('heading', { level: 1, name: 'Sign-in security' }).waitFor();
    await page.getByText('NSS officers and evaluators must use a second sign-in step.').waitFor();
    await page.getByRole('heading', { name: 'No authenticator app is set up yet.' }).waitFor();
    await assertAccessible(page);

    // Any page that calls the API brings them back here: the NSS page's list answers 403 MFA_REQUIRED.
    await page.goto(`${site}/en/nss/`);
    await page.waitForURL(`${site}/en/security/?reason=mfa-required`);

    // With the keyboard: the button starts enrolment; the QR code and the key come.
    const start = page.getByRole('button', { name: 'Set up an authenticator app' });
    await start.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('img', { name: 'QR code to scan with your authenticator app' }).waitFor();
    const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await fitsSideways(page), 'the Security page with its QR code fits 390 px').toBe(true);
    await assertAccessible(page);

    const code = page.getByLabel('6-digit code', { exact: true });
    await code.fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Check the code and switch it on' }).click();
    await page.getByText('That is not the code the app shows now.').waitFor();
    await expect(code.getAttribute('aria-invalid')).resolves.toBe('true');
    await code.fill(currentCode(secret));
    await code.press('Enter');
    await page.getByText('Your authenticator app is set up. Sign in again').waitFor();
    rememberAuthenticator(officer.username, secret);
    await assertAccessible(page);
    await page.getByRole('link', { name: 'Sign in again' }).click();

    // Sign in again: the password, then the code (a wrong one first).
    await page.waitForURL(new RegExp(`^${site}/en/\\?next=`));
    await page.getByLabel('Username', { exact: true }).fill(officer.username);
    await page.getByLabel('Password', { exact: true }).fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const signInCode = page.getByLabel('6-digit code', { exact: true });
    await page.getByRole('heading', { name: 'Code from your authenticator app' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sign-in-code-heading');
    await assertAccessible(page);
    await signInCode.fill(wrongCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That code is not right.').waitFor();
    // The focus moves once the refused field is marked (next frame): polled, as a person would see it land.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sign-in-code-input');
    await signInCode.fill(currentCode(secret));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${site}/en/desktop/`);

    await page.goto(`${site}/en/nss/`);
    await page.getByRole('heading', { level: 1, name: 'Projects waiting for approval' }).waitFor();
    await page.getByText('No project is waiting for your approval.').or(page.getByRole('button', { name: 'Approve' })).locator('visible=true').first().waitFor();
    expect(page.url()).toBe(`${site}/en/nss/`);

    // The Security page now says it is on.
    await page.goto(`${site}/en/security/`);
    await page.getByRole('heading', { name: 'An authenticator app is set up: every sign-in asks for its code.' }).waitFor();
  });

  it('reads the page and the reason in Spanish', { timeout: 120_000 }, async () => {
    const officer = await newTestAccount(endpoints, { kind: 'nss', country: 'MT', displayName: 'NSS Malta', secondFactor: false });
    const page = await visitors.page({ locale: 'es-ES' });
    await typePassword(page, officer.username, 'es');
    await page.waitForURL(`${site}/es/security/?reason=mfa-required`);
    await page.getByRole('heading', { level: 1, name: 'Seguridad del inicio de sesión' }).waitFor();
    await page.getByText('Las oficinas nacionales (NSS) y los evaluadores deben usar un segundo paso').waitFor();
    await page.getByRole('button', { name: 'Configurar una aplicación de autenticación' }).click();
    await page.getByRole('img', { name: 'Código QR para escanear con tu aplicación de autenticación' }).waitFor();
    await assertAccessible(page);
  });
});
