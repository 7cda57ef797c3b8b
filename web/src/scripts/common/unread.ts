/**
 * What the header's unread count (unread-count.tsx, on every signed-in page)
 * and the notifications page (desktop/notifications-page.ts) share: the
 * address of the count, its answer, the event that keeps them in step and the
 * header's words. A module of its own so the header does not bring the
 * notifications page's topics and sentences into every page's scripts.
 */

/** GET /me/notifications/unread */
export interface UnreadAnswer {
  unread: number;
}

export const unreadPath = '/me/notifications/unread';

/** The header's count changes through this event on window (detail: the new count), so the page and the header agree. */
export const unreadEvent = 'twinspace:unread';

/** The header's words, given to its island as props by Base.astro. */
export interface UnreadWords {
  label: string;
  one: string;
  other: string;
}
