/**
 * The project in ?id=, read once per page: the shell, the page's script and
 * its island share one request (ES modules are loaded once per page).
 */
import type { ProjectDetailResponse } from '../../../functions/http/projects/schemas.ts';
import { apiGet } from './api.ts';

let reading: Promise<ProjectDetailResponse> | undefined;

export const projectIdOfPage = () => new URLSearchParams(location.search).get('id');

export function currentProject(): Promise<ProjectDetailResponse> {
  const id = projectIdOfPage();
  if (!id) return Promise.reject(new Error('No project id'));
  reading ??= apiGet<ProjectDetailResponse>(`/projects/${encodeURIComponent(id)}`);
  return reading;
}

/** Forget the read project (after a change, e.g. closing it). */
export function forgetProject(): void {
  reading = undefined;
}
