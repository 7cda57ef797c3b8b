/**
 * What the Materials tab's parts share: the address of a view (an area's
 * lists, one material) and of the API, a material's status badge and its
 * author and date line, how many images or files it holds, why
 * processing removed a file, in words, and the parts loaded on demand.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { MaterialFileResponse, MaterialResponse } from '../../../../../functions/http/materials/schemas.ts';
import { Badge, BusyButton, StatusMessage, type Status } from '../../../components/kit/index.ts';
import { plural } from '../../../i18n/plural.ts';
import { FilledDate } from '../../common/filled-date.tsx';
import { fill, language, pageUrl, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { formatName, limitText, rejectionKey, statusKey } from './materials-page.ts';

/** The address of a view of the project's materials: an area's lists, or one material (&material=). */
export const viewUrl = (projectId: string, query: { area: string; material?: string }) => pageUrl('twinspace/materials', { id: projectId, ...query });

/** The API path of the project's materials (and of one, with its id). */
export const materialsPath = (projectId: string, materialId?: string) =>
  `/projects/${encodeURIComponent(projectId)}/materials${materialId ? `/${encodeURIComponent(materialId)}` : ''}`;

/** The material's state as a badge; `quiet` (in lists) leaves out "Published", the ordinary state, so waiting ones stand out. */
export function StatusBadge({ status, quiet = false }: { status: MaterialResponse['status']; quiet?: boolean }) {
  if (quiet && status === 'published') return null;
  return (
    <>
      <Badge variant={status === 'published' ? 'success' : 'info'}>{t(statusKey(status))}</Badge>{' '}
    </>
  );
}

/** Who added it and when. */
export function MaterialByline({ material, locale }: { material: MaterialResponse; locale: string }) {
  return (
    <>
      {fill('materials.by', { name: material.authorName })}
      {' · '}
      <FilledDate text="materials.addedOn" date={material.createdAt} locale={locale} />
    </>
  );
}

/** " · 3 images" / " · 1 file"; nothing for a video. */
export function countText(material: Pick<MaterialResponse, 'kind' | 'fileCount'>): string {
  if (material.kind === 'video') return '';
  const forms = material.kind === 'album' ? 'materials.images' : 'materials.files';
  return ` · ${plural(material.fileCount, { one: t(`${forms}.one`), other: t(`${forms}.other`) }, language)}`;
}

/** Why processing removed a file, for its uploader; `declared` is the type it was sent as, when known. */
export function rejectionText(file: Pick<MaterialFileResponse, 'kind' | 'fileName' | 'reason'>, locale: string, declared?: string): string {
  if (!file.reason) return t('materials.file.rejected');
  return fill(rejectionKey(file.reason, file.kind), { format: formatName(declared, file.fileName), limit: limitText(file.kind, locale) });
}

/**
 * A writing part (the new-material form, the uploader) behind a button: its
 * code is fetched when a member asks for it, so reading the tab stays within
 * the page's 30 KB budget and readers never fetch it. Once there it stays
 * (an upload under way must not vanish); the part focuses its first control.
 */
export function OnDemand<Part>({ label, load, render }: { label: string; load: () => Promise<Part>; render: (part: Part) => ComponentChildren }) {
  const [part, setPart] = useState<Part>();
  const [failure, setFailure] = useState<Status>();
  const open = async () => {
    setFailure(undefined);
    try {
      setPart(await load());
    } catch (error) {
      failed(error, setFailure);
    }
  };
  if (part) return <>{render(part)}</>;
  return (
    <div class="on-demand">
      <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={open}>
        {label}
      </BusyButton>
      <StatusMessage status={failure} />
    </div>
  );
}
