/**
 * What the desktop's own pages (desktop, partners, mail) share: their links
 * and the unread mail count. The shapes they read are the API's
 * (functions/http/desktop/schemas.ts).
 */
import type { MailPage } from '../../../../functions/http/desktop/schemas.ts';
import { apiGet } from '../common/api.ts';
import { fill, language, t } from '../common/page.ts';

export type DeskPage = 'profile' | 'school' | 'partners' | 'mail';

export function deskUrl(page: DeskPage, query?: Record<string, string>): string {
  const path = `/${language}/${page}/`;
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}

export async function unreadMailCount(): Promise<number> {
  return (await apiGet<MailPage>('/mail?folder=inbox&limit=1')).unread;
}

/** The desktop's mail link names the unread count ("Desktop mail (2 unread)"). */
export function mailLinkText(unread: number): string {
  return unread > 0 ? fill('desktop.mailUnread', { count: String(unread) }) : t('desktop.mailLink');
}
