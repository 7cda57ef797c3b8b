/**
 * Opens a page made for one kind of account (components/KindOnly.astro): the
 * caller's kind comes from GET /me; another kind sees the page's refusal and
 * nothing that would fire a request the API must refuse.
 */
import type { MeWithProjectsResponse } from '../../../../functions/http/projects/schemas.ts';
import { apiGet } from './api.ts';
import { reportFailure } from './problems.ts';

let me: Promise<MeWithProjectsResponse> | undefined;

/** True once the page `name` is shown to a caller of one of its kinds; false (and the refusal shown) otherwise. */
export async function whenKindAllows(name: string): Promise<boolean> {
  const content = document.getElementById(name)!;
  const kinds = (content.dataset.kinds ?? '').split(' ');
  try {
    me ??= apiGet<MeWithProjectsResponse>('/me');
    const allowed = kinds.includes((await me).kind);
    content.hidden = !allowed;
    document.getElementById(`${name}-refused`)!.hidden = allowed;
    return allowed;
  } catch (error) {
    reportFailure(error);
    return false;
  } finally {
    document.getElementById(`${name}-checking`)!.hidden = true;
  }
}
