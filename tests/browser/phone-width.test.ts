/**
 * Issue 8, point 7: on a phone (390 × 844) no page scrolls sideways. Every
 * page of the site is visited, in Spanish (the longer words) and English, by
 * the account it is for: signed out for sign-in, sign-up and the public
 * project page; Ana (teacher) for the teacher pages; the Spanish NSS for the
 * NSS pages; the Spanish evaluator for the evaluations page; a pupil of a
 * fresh TwinSpace for the pages a pupil opens. The list of pages comes from
 * the files under web/src/pages/[lang]/ (tests/support/site-pages.ts), so a new page cannot be forgotten:
 * a page file no visit covers fails the first test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoProjectId } from '../support/clients.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';
import { pageRoutes, pageVisits, type Who } from '../support/site-pages.ts';

const endpoints = inject('endpoints');
const phone = { width: 390, height: 844 };
const languages = ['es', 'en'] as const;
const pupilPassword = 'Pupil-Phone-Pass-1!';

const visits = pageVisits;

let visitors: Visitors;
let site: string;
let projectId: string;
let space: TestTwinspace;

beforeAll(async () => {
  site = siteAddress(endpoints);
  projectId = await demoProjectId(endpoints);
  // One long unbroken word in the title, as people type them: Ana's desktop and the pupil's pages list it.
  space = await newTwinspace(endpoints, `Phonerivers${Date.now().toString(36)}Internationalisation`);
  await givePupilKnownPassword(endpoints, space.members['pupil-member'].username!, pupilPassword);
  visitors = await Visitors.launch();
});

afterAll(async () => {
  await visitors?.close();
});

/** A phone-sized tab signed in as `who` (or not signed in at all). */
async function phoneTab(who: Who): Promise<Page> {
  const page = await visitors.page({ locale: 'es-ES', viewport: phone });
  if (who === 'teacher') await signInToDesktop(page, site, 'ana@demo.twinspace');
  if (who === 'nss') await signInToDesktop(page, site, 'nss.es@demo.twinspace');
  if (who === 'evaluator') await signInToDesktop(page, site, 'eval.es@demo.twinspace');
  if (who === 'pupil') {
    await fillSignIn(page, site, space.members['pupil-member'].username!, pupilPassword);
    await page.waitForURL(`${site}/en/desktop/`);
  }
  return page;
}

/** The page has finished loading: the network is quiet and no "Loading…" notice is showing. */
async function settled(page: Page): Promise<boolean> {
  await page.waitForLoadState('networkidle');
  try {
    await page.waitForFunction(
      () =>
        ![...document.querySelectorAll('body *')].some(
          (element) =>
            element.children.length === 0 &&
            /^(Loading…|Cargando…)$/.test((element.textContent ?? '').trim()) &&
            (element as HTMLElement).checkVisibility(),
        ),
      undefined,
      { timeout: 15_000 },
    );
    return true;
  } catch {
    return false;
  }
}

describe('a phone 390 px wide', () => {
  it('the visits below cover every page file under web/src/pages/[lang]/', () => {
    const visited = new Set(visits.map((visit) => visit.route));
    const forgotten = pageRoutes().filter((route) => !visited.has(route));
    expect(forgotten, 'page files no visit covers: add them to `visits`').toEqual([]);
    const gone = [...visited].filter((route) => !pageRoutes().includes(route));
    expect(gone, 'visits of pages that no longer exist').toEqual([]);
  });

  it.each(['signed-out', 'teacher', 'nss', 'evaluator', 'pupil'] as Who[])('scrolls no page sideways, %s', { timeout: 240_000 }, async (who) => {
    const page = await phoneTab(who);
    const id = who === 'pupil' ? space.projectId : projectId;
    const tooWide: string[] = [];
    const stillLoading: string[] = [];
    for (const lang of languages) {
      for (const visit of visits.filter((candidate) => candidate.who.includes(who))) {
        const path = `/${lang}/${visit.route}${visit.withId ? `?id=${id}` : ''}`;
        await page.goto(`${site}${path}`, { waitUntil: 'networkidle' });
        if (!(await settled(page))) stillLoading.push(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > phone.width) {
          // Name the widest elements that stick out, to make the offender easy to find.
          const culprits = await page.evaluate((limit) => {
            const out: string[] = [];
            for (const element of document.querySelectorAll('body *')) {
              const box = element.getBoundingClientRect();
              if (box.right > limit + 0.5 && box.width > 0) {
                const label = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.classList.length ? `.${[...element.classList].join('.')}` : ''}`;
                out.push(`${label} (right ${Math.round(box.right)})`);
              }
            }
            return out.slice(-5);
          }, phone.width);
          tooWide.push(`${path}: ${width} px — ${culprits.join(', ')}`);
        }
      }
    }
    expect(stillLoading, 'pages whose loading notice never went away').toEqual([]);
    expect(tooWide).toEqual([]);
    await page.close();
  });
});
