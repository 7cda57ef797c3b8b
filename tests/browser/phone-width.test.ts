/**
 * Issue 8, point 7: on a phone (390 × 844) no page scrolls sideways. Every
 * page of the site is visited, in Spanish (the longer words) and English, by
 * the account it is for: signed out for sign-in, sign-up and the public
 * project page; Ana (teacher) for the teacher pages; the Spanish NSS for the
 * NSS pages; the Spanish evaluator for the evaluations page; a pupil of a
 * fresh TwinSpace for the pages a pupil opens. The list of pages comes from
 * the files under web/src/pages/[lang]/, so a new page cannot be forgotten:
 * a page file no visit covers fails the first test.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoProjectId } from '../support/clients.ts';
import { givePupilKnownPassword } from '../support/cognito-users.ts';
import { fillSignIn, signInToDesktop, siteAddress, Visitors } from '../support/browser.ts';
import { newTwinspace, type TestTwinspace } from '../support/twinspace.ts';

const endpoints = inject('endpoints');
const phone = { width: 390, height: 844 };
const languages = ['es', 'en'] as const;
const pupilPassword = 'Pupil-Phone-Pass-1!';

/** Every page file, as its route under /{lang}/: `mail/index.astro` → `mail/`, `index.astro` → ``. */
const pagesFolder = fileURLToPath(new URL('../../web/src/pages/[lang]/', import.meta.url));
const pageRoutes = (): string[] =>
  (readdirSync(pagesFolder, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.astro'))
    .map((file) => file.split('\\').join('/').replace(/\.astro$/, '').replace(/(^|\/)index$/, ''))
    .map((route) => (route === '' ? '' : `${route}/`))
    .sort();

type Who = 'signed-out' | 'teacher' | 'nss' | 'evaluator' | 'pupil';

/** Which account opens each route, and whether it needs ?id= (the demo project's; the pupil's own TwinSpace for the pupil). */
const visits: { route: string; who: Who[]; withId?: boolean }[] = [
  { route: '', who: ['signed-out'] },
  { route: 'signup/', who: ['signed-out'] },
  { route: 'public/', who: ['signed-out'], withId: true },
  { route: 'desktop/', who: ['teacher', 'nss', 'evaluator', 'pupil'] },
  { route: 'profile/', who: ['teacher', 'pupil'] },
  { route: 'security/', who: ['teacher', 'nss', 'pupil'] },
  { route: 'mail/', who: ['teacher'] },
  { route: 'notifications/', who: ['teacher', 'pupil'] },
  { route: 'school/', who: ['teacher'] },
  { route: 'partners/', who: ['teacher'] },
  { route: 'groups/', who: ['teacher'] },
  { route: 'encounters/', who: ['teacher'] },
  { route: 'resources/', who: ['teacher'] },
  { route: 'projects/new/', who: ['teacher'] },
  { route: 'projects/edit/', who: ['teacher'], withId: true },
  { route: 'twinspace/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/pages/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/materials/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/forum/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/chat/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/agenda/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/mailbox/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/members/', who: ['teacher', 'pupil'], withId: true },
  { route: 'twinspace/diary/', who: ['teacher'], withId: true },
  { route: 'twinspace/labels/', who: ['teacher'], withId: true },
  { route: 'nss/', who: ['nss'] },
  { route: 'nss/teachers/', who: ['nss'] },
  { route: 'nss/diary/', who: ['nss'] },
  { route: 'nss/people/', who: ['nss'] },
  { route: 'evaluations/', who: ['evaluator'] },
  // Last for the signed-out visitor: it forgets the tab's session.
  { route: 'signout/', who: ['signed-out'] },
  { route: 'not-found/', who: ['signed-out'] },
];

let visitors: Visitors;
let site: string;
let projectId: string;
let space: TestTwinspace;

beforeAll(async () => {
  site = siteAddress(endpoints);
  projectId = await demoProjectId(endpoints);
  space = await newTwinspace(endpoints, `Phone rivers ${Date.now().toString(36)}`);
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
