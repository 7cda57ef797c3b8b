/**
 * "Add images" / "Add files" in an album or folder: choose one or several
 * files (the input accepts the kind's types), each checked here first
 * against the accepted types and the size limit (refused ones say why and
 * are not sent; the server and processing check again), then uploaded one
 * after the other (upload.ts) with a progress bar, and followed until
 * processing has made it ready (its thumbnail shows) or removed it (the
 * reason in words). What happens is announced in one polite live region.
 * Loaded on demand (materials-view.tsx OnDemand).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { uploadKindOf, type UploadKind } from '../../../../../functions/domain/materials.ts';
import type { MaterialResponse } from '../../../../../functions/http/materials/schemas.ts';
import { BusyButton, FormField, StatusMessage, type Status } from '../../../components/kit/index.ts';
import { ApiError } from '../../common/api.ts';
import { fill, t } from '../../common/page.ts';
import { explanation } from '../../common/problems.ts';
import { limitText } from './materials-page.ts';
import { acceptAttribute, declaredType, fileRefusal } from './upload-page.ts';
import { rejectionText } from './materials-view.tsx';
import { postToStorage, requestUpload, settledFile } from './upload.ts';

type Phase = 'refused' | 'waiting' | 'sending' | 'checking' | 'ready' | 'rejected' | 'failed' | 'slow';

interface Row {
  id: number;
  name: string;
  declared: string;
  phase: Phase;
  percent: number;
  /** Why it was refused, failed or removed. */
  why?: string;
  /** The ready image's thumbnail. */
  thumb?: string;
  /** The quarter of the progress last announced. */
  announced?: number;
}

const phaseKey = {
  waiting: 'materials.upload.waiting',
  sending: 'materials.upload.sending',
  checking: 'materials.upload.checking',
  ready: 'materials.upload.ready',
  slow: 'materials.upload.slow',
} as const;

const troubled = (phase: Phase) => phase === 'refused' || phase === 'failed' || phase === 'rejected';

let rowIds = 0;

interface Props {
  projectId: string;
  material: MaterialResponse & { kind: 'album' | 'folder' };
  locale: string;
  /** A file became ready: the material's files are read again. */
  onReady: () => void;
}

export function Uploader({ projectId, material, locale, onReady }: Props) {
  const kind: UploadKind = uploadKindOf[material.kind];
  const limit = limitText(kind, locale);
  const [rows, setRows] = useState<Row[]>([]);
  const [status, setStatus] = useState<Status>();
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });
  // Opened by its button, which is gone: focus goes to the file input.
  useEffect(() => input.current?.focus(), []);

  /** Changes one row and says its new state (progress only every quarter, so the live region is not flooded). */
  const update = (row: Row, change: Partial<Row>) => {
    Object.assign(row, change);
    setRows((before) => before.map((shown) => (shown.id === row.id ? { ...row } : shown)));
    const quarter = Math.floor(row.percent / 25);
    if (change.phase === undefined && quarter === row.announced) return;
    row.announced = quarter;
    setSaid(`${row.name}: ${stateText(row)}`);
  };

  const stateText = (row: Row): string => {
    if (troubled(row.phase)) return row.why ?? t('materials.upload.failed');
    if (row.phase === 'sending') return `${t('materials.upload.sending')} ${percent.format(Math.floor(row.percent / 25) / 4)}`;
    return t(phaseKey[row.phase]);
  };

  const failure = (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('materials.upload.failed');
    if (error.status === 413) return fill('materials.refused.too-large', { limit });
    if (error.status === 400) return error.details[0]?.message ?? error.message;
    return explanation(error);
  };

  const uploadOne = async (row: Row, file: File) => {
    update(row, { phase: 'sending', percent: 0 });
    try {
      const answer = await requestUpload(projectId, material.materialId, kind, file);
      await postToStorage(answer.upload, file, (sent) => sent !== row.percent && update(row, { percent: sent }));
      update(row, { phase: 'checking', percent: 100 });
      const done = await settledFile(projectId, material.materialId, answer.file.fileId);
      if (done.status === 'ready') {
        update(row, { phase: 'ready', thumb: done.image?.small });
        onReady();
      } else if (done.status === 'rejected') update(row, { phase: 'rejected', why: rejectionText(done, locale, row.declared) });
      else update(row, { phase: 'slow' });
    } catch (error) {
      update(row, { phase: 'failed', why: failure(error) });
    }
  };

  const start = async (event: Event) => {
    event.preventDefault();
    const files = [...(input.current?.files ?? [])];
    if (files.length === 0) {
      setStatus({ tone: 'error', text: t('materials.upload.nothingChosen') });
      input.current?.focus();
      return;
    }
    setStatus(undefined);
    const chosen = files.map((file) => {
      const refusal = fileRefusal(kind, file);
      const row: Row = { id: ++rowIds, name: file.name, declared: declaredType(file), phase: refusal ? 'refused' : 'waiting', percent: 0 };
      if (refusal) row.why = fill(refusal, { limit });
      return { row, file };
    });
    setRows((before) => [...chosen.map(({ row }) => ({ ...row })), ...before]);
    if (input.current) input.current.value = '';
    // Focus follows the work: the list of uploads, where each one's progress and outcome show.
    requestAnimationFrame(() => listHeading.current?.focus());
    const refused = chosen.filter(({ row }) => row.phase === 'refused');
    if (refused.length > 0) setSaid(refused.map(({ row }) => `${row.name}: ${row.why}`).join(' '));
    setBusy(true);
    for (const { row, file } of chosen) if (row.phase === 'waiting') await uploadOne(row, file);
    setBusy(false);
  };

  const images = kind === 'image';
  return (
    <section class="card uploader" aria-labelledby="upload-heading">
      <h3 id="upload-heading">{t(images ? 'materials.upload.images' : 'materials.upload.files')}</h3>
      <form noValidate onSubmit={(event) => void start(event)}>
        <FormField
          id="upload-files"
          label={t(images ? 'materials.upload.chooseImages' : 'materials.upload.chooseFiles')}
          hint={fill(images ? 'materials.upload.imagesHint' : 'materials.upload.filesHint', { limit })}
        >
          {(control) => <input {...control} ref={input} type="file" multiple accept={acceptAttribute(kind)} />}
        </FormField>
        <BusyButton type="submit" busy={busy} busyLabel={t('common.busy')}>
          {t('materials.upload.send')}
        </BusyButton>
        <StatusMessage status={status} />
      </form>
      <p class="visually-hidden" role="status">
        {said}
      </p>
      {rows.length > 0 && (
        <>
          <h4 id="uploads-heading" tabindex={-1} ref={listHeading}>
            {t('materials.upload.list')}
          </h4>
          <ul class="plain upload-list" aria-labelledby="uploads-heading">
            {rows.map((row) => (
              <li key={row.id} class="upload-row">
                {row.thumb && <img class="upload-thumb" src={row.thumb} alt={row.name} />}
                <span class="file-name">{row.name}</span>
                {row.phase === 'sending' && (
                  <span class="upload-progress">
                    <progress max={100} value={row.percent} aria-label={fill('materials.upload.progressOf', { name: row.name })} />
                    <span aria-hidden="true">{percent.format(row.percent / 100)}</span>
                  </span>
                )}
                <span class={troubled(row.phase) ? 'field-error' : 'muted'}>{stateText(row)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
