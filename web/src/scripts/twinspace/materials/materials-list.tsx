/**
 * An area of the TwinSpace's materials: its albums (with their cover),
 * folders and videos, each kind its own paged list ("Show more"), newest
 * first, waiting ones marked; and the form to add one for those who may add
 * in some area (its code fetched when they open it). Built from the kit.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Area } from '../../../../../functions/domain/areas.ts';
import type { MaterialKind } from '../../../../../functions/domain/materials.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { MaterialResponse, MaterialsPage } from '../../../../../functions/http/materials/schemas.ts';
import { EmptyState, Pager, StatusMessage, usePagedList, type Status } from '../../../components/kit/index.ts';
import { apiGet } from '../../common/api.ts';
import { t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { addableAreas, kindsShown } from './materials-page.ts';
import { countText, MaterialByline, materialsPath, OnDemand, StatusBadge, viewUrl } from './materials-view.tsx';

interface AreaProps {
  projectId: string;
  area: Area;
  type: TwinspaceType;
  /** The project is open: those who add get the form. */
  writable: boolean;
  locale: string;
}

export function MaterialLists({ projectId, area, type, writable, locale }: AreaProps) {
  return (
    <>
      {kindsShown.map((kind) => (
        <KindList key={kind} projectId={projectId} area={area} kind={kind} locale={locale} />
      ))}
      {writable && addableAreas(type).length > 0 && (
        <OnDemand
          label={t('materials.new')}
          load={() => import('./material-form.tsx')}
          render={({ NewMaterial }) => <NewMaterial projectId={projectId} area={area} type={type} />}
        />
      )}
    </>
  );
}

/** One kind of the area (its albums, folders or videos), page by page. */
function KindList({ projectId, area, kind, locale }: { projectId: string; area: Area; kind: MaterialKind; locale: string }) {
  const materials = usePagedList<MaterialResponse>((cursor) => {
    const query = new URLSearchParams({ area, kind, limit: '12' });
    if (cursor) query.set('cursor', cursor);
    return apiGet<MaterialsPage>(`${materialsPath(projectId)}?${query}`);
  });
  const [status, setStatus] = useState<Status>();
  useEffect(() => {
    materials.reload().catch((error: unknown) => failed(error, setStatus));
  }, []);

  return (
    <section class="card" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{t(`materials.list.${kind}`)}</h2>
      <StatusMessage status={status} />
      <ul id={`${kind}-list`} class="plain material-list">
        {materials.items.map((material) => (
          <li key={material.materialId} class="material-item">
            {/* The cover repeats the title beside it: decorative (alt=""), so a screen reader hears the title once. */}
            {kind === 'album' &&
              (material.cover ? <img class="material-cover" src={material.cover.small} alt="" loading="lazy" /> : <span class="material-cover" aria-hidden="true" />)}
            <div class="material-text">
              <h3>
                <a href={viewUrl(projectId, { area, material: material.materialId })}>{material.title}</a>
              </h3>
              {material.description && <p class="material-description">{material.description}</p>}
              <p class="muted">
                <StatusBadge status={material.status} quiet />
                <MaterialByline material={material} locale={locale} />
                {countText(material)}
              </p>
            </div>
          </li>
        ))}
      </ul>
      {materials.loaded && materials.items.length === 0 && <EmptyState>{t(`materials.none.${kind}`)}</EmptyState>}
      {materials.loaded && (
        <Pager done={materials.done} label={t('materials.more')} busyLabel={t('common.busy')} onMore={() => materials.more().catch((error: unknown) => failed(error, setStatus))} />
      )}
    </section>
  );
}
