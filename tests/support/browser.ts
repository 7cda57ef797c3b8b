/**
 * Browser tests drive Debian's Chromium through playwright-core, and check
 * every page they visit with axe (WCAG 2.1 AA): any violation fails the test.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
