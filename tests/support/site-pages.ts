/**
 * The site's pages for the browser tests that visit every one (phone-width,
 * security-headers): the routes read from the page files, and which accounts
 * open each. One table, so a new page is added once; each test's first check
 * fails on a page file no visit covers.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every page file, as its route under /{lang}/: `mail/index.astro` → `mail/`, `index.astro` → ``. */
const pagesFolder = fileURLToPath(new URL('../../web/src/pages/[lang]/', import.meta.url));
export const pageRoutes = (): string[] =>
  (readdirSync(pagesFolder, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.astro'))
    .map((file) => file.split('\\').join('/').replace(/\.astro$/, '').replace(/(^|\/)index$/, ''))
    .map((route) => (route === '' ? '' : `${route}/`))
    .sort();

export type Who = 'signed-out' | 'teacher' | 'nss' | 'evaluator' | 'pupil';

/** Which accounts open each route (the first is enough to see a page once), and whether it needs ?id= (the demo project's; the pupil's own TwinSpace for the pupil). */
export const pageVisits: { route: string; who: Who[]; withId?: boolean }[] = [
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
  { route: 'twinspace/moderation/', who: ['teacher', 'pupil'], withId: true },
  { route: 'nss/', who: ['nss'] },
  { route: 'nss/teachers/', who: ['nss'] },
  { route: 'nss/diary/', who: ['nss'] },
  { route: 'nss/people/', who: ['nss'] },
  { route: 'evaluations/', who: ['evaluator'] },
  // Last for the signed-out visitor: it forgets the tab's session.
  { route: 'signout/', who: ['signed-out'] },
  { route: 'not-found/', who: ['signed-out'] },
];
