/**
 * What a person reads when a call fails. A 403 or 409 carries the server's
 * own sentence, which says why (the state or the caller's role does not
 * allow it), and a 429 when to come back, already in the page's language (api.ts sends Accept-Language;
 * the API translates its errors); anything else gets the page's generic
 * text, because those messages are technical.
 */
import type { Status } from '../../components/kit/StatusMessage.tsx';
import { ApiError } from './api.ts';
import { pageUrl, showError, t } from './page.ts';

export function explanation(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403 || error.status === 409 || error.status === 429) return error.message;
    if (error.status === 0) return t('common.unreachable');
    if (error.status === 401) return t('common.sessionExpired');
  }
  return t('common.error');
}

/** Shows the failure in the page's alert region; a lost session goes back to sign-in. */
export function reportFailure(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) {
    location.assign(pageUrl('', { next: location.pathname + location.search }));
    return;
  }
  showError(explanation(error));
}

/** A failure said in `show` (a StatusMessage next to what caused it); a lost session goes to sign-in instead. */
export function failed(error: unknown, show: (status: Status) => void): void {
  if (error instanceof ApiError && error.status === 401) reportFailure(error);
  else show({ tone: 'error', text: explanation(error) });
}
