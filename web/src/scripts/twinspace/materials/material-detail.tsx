/**
 * One material, opened: its title, status badge, author, date and
 * description; a video through its privacy-enhanced player, an album's
 * images or a folder's files, and the uploader for those who may add to
 * it (its code fetched when they open it); Publish (a pupil member's waiting material, for those who publish in
 * its area) and Delete (after the kit's ConfirmDialog; a file alone too).
 * Every outcome is said under the buttons, and focus goes where the reader
 * continues.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import type { MaterialDetailResponse, MaterialFileResponse, MaterialResponse } from '../../../../../functions/http/materials/schemas.ts';
import { Breadcrumb, BusyButton, ConfirmDialog, StatusMessage, type Status } from '../../../components/kit/index.ts';
import { ApiError, apiDelete, apiGet, apiPost } from '../../common/api.ts';
import { fill, t } from '../../common/page.ts';
import { failed } from '../../common/problems.ts';
import { goWith } from '../../common/flash.ts';
import { AlbumImages, FolderFiles } from './material-files.tsx';
import { areaKey, materialControls, mayDeleteFile } from './materials-page.ts';
import { countText, MaterialByline, materialsPath, OnDemand, StatusBadge, viewUrl } from './materials-view.tsx';
import { VideoFrame } from '../../../components/kit/VideoFrame.tsx';

interface Props {
  projectId: string;
  materialId: string;
  type: TwinspaceType;
  /** The signed-in member's user id: only to choose which controls to show. */
  me: string;
  writable: boolean;
  locale: string;
  /** What happened before arriving here (the material was added). */
  flash?: Status;
}

export function MaterialDetail({ projectId, materialId, type, me, writable, locale, flash }: Props) {
  const path = materialsPath(projectId, materialId);
  const [material, setMaterial] = useState<MaterialDetailResponse>();
  const [loadFailure, setLoadFailure] = useState<Status>();
  const [status, setStatus] = useState<Status | undefined>(flash);
  /** What the dialog asks to delete: the material, or one of its files. */
  const [doomed, setDoomed] = useState<{ file?: MaterialFileResponse }>();
  const [deleting, setDeleting] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);

  const read = () => apiGet<MaterialDetailResponse>(path).then(setMaterial);
  useEffect(() => {
    apiGet<MaterialDetailResponse>(path)
      .then((found) => {
        setMaterial(found);
        document.title = `${found.title} · ${t('materials.title')}`;
        if (flash) requestAnimationFrame(() => title.current?.focus());
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setLoadFailure({ tone: 'error', text: t('materials.notFound') });
        else failed(error, setLoadFailure);
      });
  }, []);

  if (!material) return <StatusMessage status={loadFailure} />;
  const controls = materialControls(type, me, material, writable);
  const listUrl = viewUrl(projectId, { area: material.area });

  const publish = async () => {
    setStatus(undefined);
    try {
      const now = await apiPost<MaterialResponse>(`${path}/publish`);
      setMaterial({ ...material, ...now });
      setStatus({ tone: 'success', text: fill('materials.publishedDone', { title: now.title }) });
      title.current?.focus();
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const remove = async () => {
    const file = doomed?.file;
    setDoomed(undefined);
    setStatus(undefined);
    setDeleting(true);
    try {
      if (!file) {
        await apiDelete(path);
        goWith(listUrl, fill('materials.deleted', { title: material.title }));
        return;
      }
      await apiDelete(`${path}/files/${encodeURIComponent(file.fileId)}`);
      await read();
      setStatus({ tone: 'success', text: fill('materials.fileDeleted', { name: file.fileName }) });
      // The file's button is gone: the list's heading is where the reader goes on.
      requestAnimationFrame(() => document.getElementById('files-heading')?.focus());
    } catch (error) {
      failed(error, setStatus);
    }
    setDeleting(false);
  };

  /** An album or a folder: what uploads go into. */
  const container = material.kind === 'video' ? undefined : { ...material, kind: material.kind };
  const files = {
    files: material.files,
    locale,
    deletable: (file: MaterialFileResponse) => mayDeleteFile(type, me, material, file, writable),
    onDelete: (file: MaterialFileResponse) => setDoomed({ file }),
  };

  return (
    <article id="material-view" class="card" aria-labelledby="material-title">
      <Breadcrumb label={t('materials.whereYouAre')} crumbs={[{ label: t(areaKey(material.area)), href: listUrl }, { label: material.title }]} />
      <h2 id="material-title" tabindex={-1} ref={title}>
        {material.title}
      </h2>
      <p class="muted material-meta">
        <StatusBadge status={material.status} />
        <MaterialByline material={material} locale={locale} />
        {countText(material)}
      </p>
      {material.description && <p class="material-description">{material.description}</p>}
      {(controls.publish || controls.delete) && (
        <div class="actions">
          {controls.publish && (
            <BusyButton busyLabel={t('common.busy')} onClick={publish}>
              {t('materials.publish')}
            </BusyButton>
          )}
          {controls.delete && (
            <BusyButton class="danger" busy={deleting} busyLabel={t('common.busy')} onClick={() => setDoomed({})}>
              {t('materials.delete')}
            </BusyButton>
          )}
        </div>
      )}
      <StatusMessage status={status} />

      {material.kind === 'video' && material.video && (
        <VideoFrame
          class="video-frame"
          provider={material.video.provider}
          videoId={material.video.videoId}
          title={fill('materials.videoTitle', { title: material.title })}
          missing={<p>{t('richText.videoMissing')}</p>}
        />
      )}
      {material.kind === 'album' && <AlbumImages {...files} />}
      {material.kind === 'folder' && <FolderFiles {...files} />}
      {controls.upload && container && (
        <OnDemand
          label={t(container.kind === 'album' ? 'materials.upload.images' : 'materials.upload.files')}
          load={() => import('./material-upload.tsx')}
          render={({ Uploader }) => (
            <Uploader projectId={projectId} material={container} locale={locale} onReady={() => void read().catch(() => undefined)} />
          )}
        />
      )}
      <p>
        <a href={listUrl}>{t('materials.backToList')}</a>
      </p>

      <ConfirmDialog
        open={doomed !== undefined}
        question={doomed?.file ? fill('materials.confirmDeleteFile', { name: doomed.file.fileName }) : fill('materials.confirmDelete', { title: material.title })}
        confirmLabel={t('materials.delete')}
        cancelLabel={t('materials.cancel')}
        onConfirm={() => void remove()}
        onCancel={() => setDoomed(undefined)}
      />
    </article>
  );
}
