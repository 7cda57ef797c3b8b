/**
 * What an album or a folder holds. An album: its ready images as thumbnails
 * (alt: the file name), each a link to its large (1280 px) version; a folder:
 * its files as download links with their format and size. Files still being
 * checked, or removed by processing (with the reason in words), are listed
 * for those the API shows them to: their uploader and the teachers.
 */
import type { MaterialFileResponse } from '../../../../../functions/http/materials/schemas.ts';
import { Badge, EmptyState } from '../../../components/kit/index.ts';
import { fill, t } from '../../common/page.ts';
import { formatName, formatSize } from './materials-page.ts';
import { rejectionText } from './materials-view.tsx';

interface FilesProps {
  files: MaterialFileResponse[];
  locale: string;
  /** Whether this member may delete the file (its uploader, or whoever deletes the material). */
  deletable: (file: MaterialFileResponse) => boolean;
  onDelete: (file: MaterialFileResponse) => void;
}

function DeleteFile({ file, onDelete }: { file: MaterialFileResponse; onDelete: (file: MaterialFileResponse) => void }) {
  return (
    <button type="button" class="secondary small" aria-label={fill('materials.deleteFile', { name: file.fileName })} onClick={() => onDelete(file)}>
      {t('materials.delete')}
    </button>
  );
}

/** A file that is not ready: being checked, or removed with its reason. */
function NotReady({ file, locale }: { file: MaterialFileResponse; locale: string }) {
  return file.status === 'pending' ? (
    <Badge variant="neutral">{t('materials.file.pending')}</Badge>
  ) : (
    <>
      <Badge variant="danger">{t('materials.file.rejected')}</Badge> <span class="file-reason">{rejectionText(file, locale)}</span>
    </>
  );
}

export function AlbumImages({ files, locale, deletable, onDelete }: FilesProps) {
  const ready = files.filter((file) => file.status === 'ready' && file.image);
  const others = files.filter((file) => file.status !== 'ready');
  return (
    <section class="material-files" aria-labelledby="files-heading">
      <h3 id="files-heading" tabindex={-1}>
        {t('materials.imagesHeading')}
      </h3>
      <ul class="plain image-grid">
        {ready.map((file) => (
          <li key={file.fileId}>
            <a href={file.image!.large} title={fill('materials.showLarge', { name: file.fileName })}>
              <img src={file.image!.small} alt={file.fileName} loading="lazy" />
            </a>
            {deletable(file) && <DeleteFile file={file} onDelete={onDelete} />}
          </li>
        ))}
      </ul>
      {ready.length === 0 && <EmptyState>{t('materials.noImages')}</EmptyState>}
      {others.length > 0 && (
        <ul class="plain file-list">
          {others.map((file) => (
            <li key={file.fileId}>
              <span class="file-name">{file.fileName}</span> <NotReady file={file} locale={locale} />
              {deletable(file) && <DeleteFile file={file} onDelete={onDelete} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function FolderFiles({ files, locale, deletable, onDelete }: FilesProps) {
  return (
    <section class="material-files" aria-labelledby="files-heading">
      <h3 id="files-heading" tabindex={-1}>
        {t('materials.filesHeading')}
      </h3>
      <ul class="plain file-list">
        {files.map((file) => (
          <li key={file.fileId}>
            {file.status === 'ready' && file.url ? (
              <a class="file-name" href={file.url}>
                {file.fileName}
              </a>
            ) : (
              <span class="file-name">{file.fileName}</span>
            )}{' '}
            <span class="muted">{fill('materials.fileFacts', { format: formatName(file.contentType, file.fileName), size: formatSize(file.size, locale) })}</span>{' '}
            {file.status !== 'ready' && <NotReady file={file} locale={locale} />}
            {deletable(file) && <DeleteFile file={file} onDelete={onDelete} />}
          </li>
        ))}
      </ul>
      {files.length === 0 && <EmptyState>{t('materials.noFiles')}</EmptyState>}
    </section>
  );
}
