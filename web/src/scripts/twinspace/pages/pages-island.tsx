/**
 * The TwinSpace pages page (?id=<projectId>&area=…[&page=…]), a Preact island
 * built from the kit. The address chooses the view: the areas the member's
 * type reads, then one area's pages (pages-list.tsx) or one page
 * (pages-reader.tsx). A pupil opens on the pupils' area, told what they may
 * do there. A closed project is read-only: a notice and no write control.
 * Which controls show follows the policy table and the page rules
 * (pages-page.ts); the server decides in the end, and its refusal is said
 * as it words it.
 */
import { useState } from 'preact/hooks';
import { areas, mayReadArea } from '../../../../../functions/domain/areas.ts';
import { readerLocale, StatusMessage } from '../../../components/kit/index.ts';
import { type OpenedProject } from '../agenda-mailbox.ts';
import { language, t } from '../../common/page.ts';
import { TwinspaceTab } from '../twinspace-tab.tsx';
import { AreaLists } from './pages-list.tsx';
import { areaKey, chosenArea, guidanceFor } from './pages-page.ts';
import { PageReader } from './pages-reader.tsx';
import { takeFlash, viewUrl } from './pages-view.tsx';
import { currentSession, subOf } from '../../common/session.ts';

const locale = readerLocale(language, navigator.languages);

export default function PagesPage() {
  return <TwinspaceTab titleKey="pagesArea.titleOf" backKey="pagesArea.back">{(opened) => <Pages {...opened} />}</TwinspaceTab>;
}

function Pages({ project, projectId }: Extract<OpenedProject, { project: unknown }>) {
  const [flash] = useState(takeFlash);
  const type = project.myType;
  if (!type) return <StatusMessage status={{ tone: 'error', text: t('twinspace.notFound') }} />;
  const closed = project.state === 'closed';
  if (project.state !== 'approved' && !closed) return <p class="notice">{t('pagesArea.notOpen')}</p>;
  // Closed: read-only, no write control at all.
  const writable = !closed;

  const address = new URLSearchParams(location.search);
  const pageId = address.get('page');
  const { area, refused } = chosenArea(type, address.get('area'));
  const guide = writable ? guidanceFor(type) : undefined;
  const readable = areas.filter((candidate) => mayReadArea(type, candidate));

  return (
    <div id="pages">
      {closed && <p class="notice closed-notice">{t('pagesArea.closed')}</p>}
      {guide && (
        <p id="pages-guide" class="notice">
          {t(guide)}
        </p>
      )}
      <nav id="area-nav" aria-label={t('pagesArea.areas')}>
        <ul class="plain actions">
          {readable.map((candidate) => (
            <li key={candidate}>
              <a href={viewUrl(projectId, { area: candidate })} aria-current={candidate === area && !pageId ? 'page' : undefined}>
                {t(areaKey(candidate))}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StatusMessage status={refused ? { tone: 'error', text: t('pagesArea.noArea') } : pageId ? undefined : flash} />
      {pageId ? (
        <PageReader projectId={projectId} pageId={pageId} type={type} me={subOf(currentSession()?.idToken ?? '')} writable={writable} locale={locale} flash={flash} />
      ) : (
        <AreaLists projectId={projectId} area={area} type={type} writable={writable} locale={locale} />
      )}
    </div>
  );
}
