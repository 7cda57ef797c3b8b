/**
 * Where the editor's image dialog finds pictures: the published albums with
 * ready images of the areas every reader of the document reads
 * (pictureAreas: the API refuses any other on saving), then an album's ready
 * images with their URLs. A failure is thrown in words (the kit's dialog
 * shows its message). Loaded only when the dialog first asks (rich-text.tsx).
 */
import { areas, mayReadArea, type Area } from '../../../../functions/domain/areas.ts';
import { twinspaceTypes } from '../../../../functions/domain/twinspace-types.ts';
import type { MaterialDetailResponse, MaterialsPage } from '../../../../functions/http/materials/schemas.ts';
import type { ImageSource, PickerAlbum } from '../../components/kit/rich-editor-types.ts';
import { plural } from '../../i18n/plural.ts';
import { apiGet } from './api.ts';
import { language, t } from './page.ts';
import { explanation } from './problems.ts';

export function albumSource(projectId: string, area: Area): ImageSource {
  const base = `/projects/${encodeURIComponent(projectId)}/materials`;
  const worded = async <Value,>(read: () => Promise<Value>) => {
    try {
      return await read();
    } catch (error) {
      throw new Error(explanation(error));
    }
  };
  return {
    albums: () =>
      worded(async () => {
        const pages = await Promise.all(pictureAreas(area).map((candidate) => apiGet<MaterialsPage>(`${base}?${new URLSearchParams({ area: candidate, kind: 'album', limit: '50' })}`)));
        return pages.flatMap((page) =>
          page.items
            .filter((album) => album.status === 'published' && album.fileCount > 0)
            .map(
              (album): PickerAlbum => ({
                materialId: album.materialId,
                title: album.title,
                detail: `${plural(album.fileCount, { one: t('richEditor.imageCount.one'), other: t('richEditor.imageCount.other') }, language)} · ${t(`pagesArea.area.${album.area}`)}`,
                cover: album.cover?.small,
              }),
            ),
        );
      }),
    images: (materialId) =>
      worded(async () => {
        const album = await apiGet<MaterialDetailResponse>(`${base}/${encodeURIComponent(materialId)}`);
        return album.files.flatMap((file) => (file.kind === 'image' && file.status === 'ready' && file.image ? [{ materialId, fileId: file.fileId, name: file.fileName, urls: file.image }] : []));
      }),
  };
}

/**
 * The areas whose albums a document of `area` may show pictures of: those
 * every reader of the document also reads (the API's rule on saving:
 * readers(document) ⊆ readers(album)), the document's own area first.
 * Home posts and diary entries are read as 'public'.
 */
export function pictureAreas(area: Area): Area[] {
  const readers = twinspaceTypes.filter((type) => mayReadArea(type, area));
  const fit = areas.filter((candidate) => readers.every((type) => mayReadArea(type, candidate)));
  return [area, ...fit.filter((candidate) => candidate !== area)];
}
