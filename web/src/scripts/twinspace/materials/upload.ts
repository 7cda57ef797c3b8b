/**
 * One upload into an album or folder, as the API arranges it (no bytes pass
 * through a function): ask for it (POST …/materials/uploads: the API checks
 * the policy table, the limits and the quota and records the pending file),
 * POST the presigned form straight to storage — its fields first, then the
 * `file`, as S3 requires — with XMLHttpRequest, because fetch reports no
 * upload progress, then ask for the file until processing has made it ready
 * or rejected it (it checks the bytes, not the name).
 */
import type { UploadKind } from '../../../../../functions/domain/materials.ts';
import type { MaterialFileResponse, UploadRequestBodyInput, UploadResponse } from '../../../../../functions/http/materials/schemas.ts';
import { apiGet, apiPost } from '../../common/api.ts';
import { declaredType, pollDelay, pollPatienceMs, progressPercent } from './upload-page.ts';
import { materialsPath } from './materials-view.tsx';

/** Asks for the upload of `file` into the material: the pending file and the form to post. ApiError when refused. */
export function requestUpload(projectId: string, materialId: string, kind: UploadKind, file: File): Promise<UploadResponse> {
  const body: UploadRequestBodyInput = { materialId, kind, fileName: file.name, size: file.size, contentType: declaredType(file) };
  return apiPost<UploadResponse>(`${materialsPath(projectId)}/uploads`, body);
}

/** Posts the file to storage with the presigned form; `progress` gets whole percents as the bytes leave. */
export function postToStorage(upload: UploadResponse['upload'], file: File, progress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', file);
    const request = new XMLHttpRequest();
    request.open('POST', upload.url);
    request.upload.addEventListener('progress', (event) => progress(progressPercent(event.loaded, event.lengthComputable ? event.total : file.size)));
    request.addEventListener('load', () => (request.status >= 200 && request.status < 300 ? resolve() : reject(new Error(`storage answered ${request.status}`))));
    for (const failure of ['error', 'abort', 'timeout'] as const) request.addEventListener(failure, () => reject(new Error(`upload ${failure}`)));
    request.send(form);
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The file once processing is done with it (ready or rejected), or the last pending answer after pollPatienceMs. */
export async function settledFile(projectId: string, materialId: string, fileId: string): Promise<MaterialFileResponse> {
  const path = `${materialsPath(projectId, materialId)}/files/${encodeURIComponent(fileId)}`;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    await pause(pollDelay(attempt));
    const file = await apiGet<MaterialFileResponse>(path);
    if (file.status !== 'pending' || Date.now() - started > pollPatienceMs) return file;
  }
}
