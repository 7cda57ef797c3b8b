/**
 * Browser tests drive Debian's Chromium through playwright-core, and check
 * every page they visit with axe (WCAG 2.1 AA): any violation fails the test.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import type { LocalEndpoints } from '../../infra/local/endpoints.ts';
import { authenticatorCode, authenticatorSecret } from './authenticator.ts';

/** The seeded demo accounts' password (API.md). */
export const demoPassword = 'TwinSpace-Demo-1';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * launch() gives every run a fresh temporary profile; these flags keep
 * Chromium off the network except for the pages under test.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface AccessibilityProblem {
  rule: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** The axe violations of the page as it is now, against WCAG 2.0/2.1 A and AA. */
export async function accessibilityProblems(page: Page): Promise<AccessibilityProblem[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** Throws with a readable list when axe finds any violation. */
export async function assertAccessible(page: Page): Promise<void> {
  const problems = await accessibilityProblems(page);
  if (problems.length > 0) {
    const list = problems.map((problem) => `- ${problem.rule} (${problem.impact}): ${problem.help} at ${problem.targets.join(', ')}`);
    throw new Error(`Accessibility violations on ${page.url()}:\n${list.join('\n')}`);
  }
}

/** A new context (its own sessionStorage, like a second browser) with one page. */
export async function newVisitor(browser: Browser, locale = 'en-GB'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  return { context, page };
}

/** One Chromium for a test file, a fresh context per visitor, all closed together after the file. */
export class Visitors {
  private readonly contexts: BrowserContext[] = [];

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<Visitors> {
    return new Visitors(await launchBrowser());
  }

  /** A page in a new context (its own sessionStorage, like a second browser). */
  async page(options: BrowserContextOptions = { locale: 'en-GB' }): Promise<Page> {
    const context = await this.browser.newContext(options);
    this.contexts.push(context);
    return context.newPage();
  }

  async close(): Promise<void> {
    await Promise.all(this.contexts.map((context) => context.close()));
    await this.browser.close();
  }
}

/** The local site's address without a trailing slash, so pages join as `${site}/en/`. */
export function siteAddress(endpoints: LocalEndpoints): string {
  return endpoints.web.replace(/\/+$/, '');
}

/** The sign-in page's code step in each language (web/src/i18n/security.*.ts). */
const codeStep = { en: { label: '6-digit code', submit: 'Sign in' }, es: { label: 'Código de 6 cifras', submit: 'Entrar' } } as const;

/**
 * Answers sign-in's second step with the code the account's authenticator app
 * shows now (a staff account: issue 11), when the test knows its key; nothing
 * for any other account.
 */
export async function answerSignInCode(page: Page, username: string, language: 'en' | 'es' = 'en'): Promise<void> {
  if (!authenticatorSecret(username)) return;
  const words = codeStep[language];
  const field = page.getByLabel(words.label, { exact: true });
  await field.waitFor();
  await field.fill(authenticatorCode(username));
  await page.getByRole('button', { name: words.submit }).click();
}

/**
 * Fills the English sign-in form (asking to go on to `next` when given) and
 * sends it, answering the authenticator code step of a staff account the test
 * knows the key of; where it lands is the caller's to check.
 */
export async function fillSignIn(page: Page, site: string, username: string, password = demoPassword, next?: string): Promise<void> {
  await page.goto(`${site}/en/${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answerSignInCode(page, username);
}

/** Signs a demo account in on this page and waits for its desktop. */
export async function signInToDesktop(page: Page, site: string, username: string): Promise<Page> {
  await fillSignIn(page, site, username);
  await page.waitForURL(`${site}/en/desktop/`);
  await page.getByRole('heading', { level: 1, name: 'My desktop' }).waitFor();
  return page;
}

/**
 * The rich-text editor named `label` inside `scope`, once its code is there
 * (web/src/components/kit/RichField.tsx): a box always on the page stands in
 * as a plain text area until it is focused, a form that just opened fetches
 * it at once.
 */
export async function richEditor(scope: Page | Locator, label: string): Promise<Locator> {
  const area = scope.locator('[contenteditable="true"]').and(scope.getByLabel(label, { exact: true }));
  const standIn = scope.locator('textarea.rich-stand-in').and(scope.getByLabel(label, { exact: true }));
  // Whichever shows first (the form may still be rendering): the stand-in is focused, which fetches the editor.
  await area.or(standIn).first().waitFor();
  // Focus the stand-in if it is still there: a stand-in the test already focused may be replaced by the editor at any
  // moment, so nothing here waits for it (a locator's focus() would wait 30 s for a box that is gone).
  if ((await area.count()) === 0) await standIn.evaluateAll((boxes) => boxes.forEach((box) => (box as HTMLElement).focus()));
  await area.waitFor();
  return area;
}

/** Replaces the editor's text with `text` as a person types it: one paragraph per line (Enter between lines). */
export async function fillRichText(scope: Page | Locator, label: string, text: string): Promise<Locator> {
  const area = await richEditor(scope, label);
  const page = area.page();
  await area.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  for (const [index, line] of text.split('\n').entries()) {
    if (index > 0) await page.keyboard.press('Enter');
    if (line) await page.keyboard.insertText(line);
  }
  return area;
}

/** The paragraphs of a rich text (shown by the kit's RichText, or in the editor), as their texts. */
export const paragraphs = (text: Locator): Promise<string[]> => text.locator('p').allInnerTexts();
