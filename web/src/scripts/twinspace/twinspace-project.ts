/**
 * The project in ?id=, read once per page: the shell, the page's script and
 * its island share one request (ES modules are loaded once per page). After
 * a change one of them announces the project as it now is (projectChanged);
 * the others follow (onProjectChange).
 */
import type { ProjectDetailResponse } from '../../../../functions/http/projects/schemas.ts';
import { apiGet } from '../common/api.ts';

let reading: Promise<ProjectDetailResponse> | undefined;
const changeEvent = 'twinspace-project-change';

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

/** The project as a change left it: read from now on, and shown by whoever listens. */
export function projectChanged(project: ProjectDetailResponse): void {
  reading = Promise.resolve(project);
  dispatchEvent(new CustomEvent<ProjectDetailResponse>(changeEvent, { detail: project }));
}

/** Follows projectChanged; returns the way to stop following. */
export function onProjectChange(listener: (project: ProjectDetailResponse) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<ProjectDetailResponse>).detail);
  addEventListener(changeEvent, handler);
  return () => removeEventListener(changeEvent, handler);
}

/** What the TwinSpace is called: its own name once its administrators set one, the project's title until then. */
export const twinspaceName = (project: Pick<ProjectDetailResponse, 'title' | 'twinspace'>): string => project.twinspace?.name || project.title;

/** What the TwinSpace is about: its own description when set, the project's otherwise. */
export const twinspaceDescription = (project: Pick<ProjectDetailResponse, 'description' | 'twinspace'>): string =>
  project.twinspace?.description || project.description;
