/**
 * The TwinSpace's Materials tab (?id=<projectId>&area=…[&material=…]), a
 * Preact island built from the kit. The address chooses the view: the areas
 * the member's type reads, then one area's albums, folders and videos
 * (materials-list.tsx) or one material (material-detail.tsx). Visitors read
 * the public area only; a pupil opens on the pupils' area, told what
 * happens to what they add. A closed project is read-only: a notice and no
 * write control. Which controls show follows the policy table
 * (materials-page.ts); the server decides in the end, and its refusal is
 * said as it words it.
 */
import { useState } from 'preact/hooks';
import { areas, mayReadArea } from '../../../../../functions/domain/areas.ts';
import { readerLocale, StatusMessage } from '../../../components/kit/index.ts';
import { language, t } from '../../common/page.ts';
import { takeFlash } from '../../common/flash.ts';
import { currentSession, subOf } from '../../common/session.ts';
import { TwinspaceTab, type OpenProject } from '../twinspace-tab.tsx';
import { MaterialDetail } from './material-detail.tsx';
import { MaterialLists } from './materials-list.tsx';
import { areaKey, chosenArea, guidanceFor } from './materials-page.ts';
import { viewUrl } from './materials-view.tsx';

const locale = readerLocale(language, navigator.languages);

export default function MaterialsPage() {
  return <TwinspaceTab titleKey="materials.titleOf" backKey="materials.back">{(opened) => <Materials {...opened} />}</TwinspaceTab>;
}

function Materials({ project, projectId }: OpenProject) {
  const [flash] = useState(takeFlash);
  const type = project.myType;
  if (!type) return <StatusMessage status={{ tone: 'error', text: t('twinspace.notFound') }} />;
  const closed = project.state === 'closed';
  if (project.state !== 'approved' && !closed) return <p class="notice">{t('materials.notOpen')}</p>;
  // Closed: read-only, no write control at all.
  const writable = !closed;

  const address = new URLSearchParams(location.search);
  const materialId = address.get('material');
  const { area, refused } = chosenArea(type, address.get('area'));
  const guide = writable ? guidanceFor(type) : undefined;
  const readable = areas.filter((candidate) => mayReadArea(type, candidate));

  return (
    <div id="materials">
      {closed && <p class="notice closed-notice">{t('materials.closed')}</p>}
      {guide && (
        <p id="materials-guide" class="notice">
          {t(guide)}
        </p>
      )}
      <nav id="area-nav" aria-label={t('materials.areas')}>
        <ul class="plain actions">
          {readable.map((candidate) => (
            <li key={candidate}>
              <a href={viewUrl(projectId, { area: candidate })} aria-current={candidate === area && !materialId ? 'page' : undefined}>
                {t(areaKey(candidate))}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StatusMessage status={refused ? { tone: 'error', text: t('materials.noArea') } : materialId ? undefined : flash} />
      {materialId ? (
        <MaterialDetail projectId={projectId} materialId={materialId} type={type} me={subOf(currentSession()?.idToken ?? '')} writable={writable} locale={locale} flash={flash} />
      ) : (
        <MaterialLists projectId={projectId} area={area} type={type} writable={writable} locale={locale} />
      )}
    </div>
  );
}
