/**
 * A success to say after moving to another address (a page or a material
 * created, then opened; deleted, then its list): left in sessionStorage by
 * goWith, said once by the page that arrives. The pages and materials tabs
 * share it.
 */
import type { Status } from '../../components/kit/StatusMessage.tsx';

const flashKey = 'pages.flash';

/** Moves to another view, with a success message to say there. */
export function goWith(url: string, message: string): void {
  sessionStorage.setItem(flashKey, message);
  location.assign(url);
}

/** The message left by goWith, once. */
export function takeFlash(): Status | undefined {
  const message = sessionStorage.getItem(flashKey);
  sessionStorage.removeItem(flashKey);
  return message ? { tone: 'success', text: message } : undefined;
}
