/**
 * What the agenda and mailbox pages share: the project they belong to (?id=),
 * named in the page's title, with the member's type and whether it is closed;
 * the reader's locale and time zone for dates; and a failure to open the page
 * at all. Both pages are Preact islands from the kit (agenda-island.tsx,
 * mailbox-island.tsx).
 */
import type { ProjectDetailResponse } from '../../../../functions/http/projects/schemas.ts';
import { readerLocale as localeFor } from '../../components/kit/format.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { ApiError } from '../common/api.ts';
import { fill, language, requireSession, t } from '../common/page.ts';
import { reportFailure } from '../common/problems.ts';
import { currentProject, twinspaceName } from './twinspace-project.ts';

/** The reader's own locale when it is in the page's language (en-GB, es-MX…), else the page's language. */
export const readerLocale = localeFor(language, navigator.languages);

/** The reader's time zone, named as the browser knows it (e.g. Europe/Madrid). */
export const readerTimeZone = new Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The project of an area page, or why it cannot be opened (a sentence to show). */
export type OpenedProject = { project: ProjectDetailResponse; projectId: string } | { failure: string };

/**
 * Reads the project in ?id= and names it in the page's title (h1 and the
 * document's). Undefined without a session (requireSession sends to sign-in)
 * or when the session ended (reportFailure sends to sign-in).
 */
export async function openProject(titleKey: MessageKey): Promise<OpenedProject | undefined> {
  if (!requireSession()) return undefined;
  const projectId = new URLSearchParams(location.search).get('id');
  if (!projectId) return { failure: t('twinspace.missingId') };
  try {
    const project = await currentProject();
    // The TwinSpace's own name, as the shell above shows it (the project's title until one is set).
    const title = fill(titleKey, { project: twinspaceName(project) });
    const heading = document.getElementById('page-title');
    if (heading) heading.textContent = title;
    document.title = `${title} · ${t('site.name')}`;
    return { project, projectId };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return { failure: t('twinspace.notFound') };
    if (error instanceof ApiError && error.status === 401) {
      reportFailure(error);
      return undefined;
    }
    throw error;
  }
}
