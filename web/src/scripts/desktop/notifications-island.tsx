/**
 * The notifications page, a Preact island built from the kit: my
 * notifications newest first (GET /me/notifications, the kit's "load more"
 * Pager), each worded in the page's language when it carries its names
 * (notifications-page.ts: the topic's sentence, else the English title and
 * body stored) and linking to what it is about; unread ones marked with a
 * Badge, each with "Mark as read", and "Mark all as read" above the list. A
 * notification pushed on the tab's live socket appears on top at once. The
 * header's count follows every change (the `twinspace:unread` event).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Badge } from '../../components/kit/Badge.tsx';
import { BusyButton } from '../../components/kit/BusyButton.tsx';
import { AbsoluteDate } from '../../components/kit/Dates.tsx';
import { EmptyState } from '../../components/kit/EmptyState.tsx';
import { Pager } from '../../components/kit/Pager.tsx';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { usePagedList } from '../../components/kit/usePagedList.ts';
import { plural } from '../../i18n/plural.ts';
import { apiGet, apiPost } from '../common/api.ts';
import { dateLocale } from '../common/dates.ts';
import { typeName } from '../common/labels.ts';
import { live } from '../common/live.ts';
import { language, requireSession, t } from '../common/page.ts';
import { failed } from '../common/problems.ts';
import {
  filled,
  newestFirst,
  notificationsPath,
  readAllPath,
  readPath,
  shownOf,
  subjectLink,
  unreadEvent,
  withReadHere,
  type NotificationItem,
  type NotificationsPage,
} from './notifications-page.ts';

const tellHeader = (unread: number) => dispatchEvent(new CustomEvent(unreadEvent, { detail: unread }));

export default function NotificationsIsland() {
  const [signedIn] = useState(() => !!requireSession());
  const [unread, setUnread] = useState<number>();
  const [arrived, setArrived] = useState<NotificationItem[]>([]);
  /** Marked read on this page (one by one, or all those shown), over what the pages said. */
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<Status>();
  const [listStatus, setListStatus] = useState<Status>();
  const heading = useRef<HTMLHeadingElement>(null);

  const pages = usePagedList<NotificationItem>(async (cursor) => {
    const query = new URLSearchParams({ limit: '20' });
    if (cursor) query.set('cursor', cursor);
    const page = await apiGet<NotificationsPage>(`${notificationsPath}?${query}`);
    if (typeof page.unread === 'number') {
      setUnread(page.unread);
      tellHeader(page.unread);
    }
    return page;
  });

  useEffect(() => {
    if (!signedIn) return;
    pages.reload().catch((error: unknown) => failed(error, setListStatus));
    return live().on('notification', ({ notification }) => {
      setArrived((before) => [notification, ...before]);
      if (!notification.read) setUnread((before) => (before ?? 0) + 1);
    });
  }, []);

  useEffect(() => {
    if (unread !== undefined) tellHeader(unread);
  }, [unread]);

  if (!signedIn) return null;

  const items = withReadHere(newestFirst(arrived, pages.items), readHere);
  const unreadShown = items.filter((item) => !item.read).length;
  // The API's count covers pages not read yet; without it, what is shown.
  const unreadNow = unread ?? unreadShown;

  const markOne = async (item: NotificationItem) => {
    setStatus(undefined);
    try {
      await apiPost<void>(readPath(item.notificationId));
      setReadHere((before) => new Set([...before, item.notificationId]));
      setUnread(Math.max(0, unreadNow - 1));
      setStatus({ tone: 'success', text: t('notifications.markedRead') });
      // The button is gone with its unread state: focus goes to the list's heading, not to the page's top.
      heading.current?.focus();
    } catch (error) {
      failed(error, setStatus);
    }
  };

  const markAll = async () => {
    setStatus(undefined);
    try {
      await apiPost<void>(readAllPath);
      // Those shown now: one arriving live after this stays unread.
      setReadHere((before) => new Set([...before, ...items.map((item) => item.notificationId)]));
      setUnread(0);
      setStatus({ tone: 'success', text: t('notifications.allMarkedRead') });
      heading.current?.focus();
    } catch (error) {
      failed(error, setStatus);
    }
  };

  return (
    <section class="card" aria-labelledby="notifications-heading">
      <p>{t('notifications.intro')}</p>
      <h2 id="notifications-heading" tabindex={-1} ref={heading}>
        {t('notifications.list')}
        {unreadNow > 0 && (
          <>
            {' '}
            <Badge variant="info">{plural(unreadNow, { one: t('notifications.unreadCount.one'), other: t('notifications.unreadCount.other') }, language)}</Badge>
          </>
        )}
      </h2>
      {pages.loaded && items.length > 0 && unreadNow > 0 && (
        <p class="actions">
          <BusyButton class="secondary" busyLabel={t('common.busy')} onClick={markAll}>
            {t('notifications.markAllRead')}
          </BusyButton>
        </p>
      )}
      {pages.loaded && items.length > 0 && unreadNow === 0 && <p class="muted">{t('notifications.nothingUnread')}</p>}
      <StatusMessage status={status} />
      <StatusMessage status={listStatus} />
      {!pages.loaded && !listStatus && <p class="muted">{t('common.loading')}</p>}
      {items.length > 0 && (
        <ul class="plain notification-list">
          {items.map((item) => (
            <NotificationRow key={item.notificationId} item={item} onRead={() => markOne(item)} />
          ))}
        </ul>
      )}
      {pages.loaded && items.length === 0 && <EmptyState>{t('notifications.empty')}</EmptyState>}
      {pages.loaded && (
        <Pager done={pages.done} label={t('notifications.more')} busyLabel={t('common.busy')} onMore={() => pages.more().catch((error: unknown) => failed(error, setListStatus))} />
      )}
    </section>
  );
}

function NotificationRow({ item, onRead }: { item: NotificationItem; onRead: () => Promise<unknown> }) {
  const shown = shownOf(item, typeName);
  const headline = shown.kind === 'sentence' ? filled(t(shown.key), shown.values) : shown.title;
  const headlineId = `notification-${item.notificationId}`;
  return (
    <li class={item.read ? 'notification' : 'notification unread'}>
      <p class="notification-headline" id={headlineId}>
        <a href={subjectLink(item, language)}>{headline}</a>
        {!item.read && (
          <>
            {' '}
            <Badge variant="info">{t('notifications.unread')}</Badge>
          </>
        )}
      </p>
      {shown.body && <p class="notification-body">{shown.body}</p>}
      <p class="notification-meta muted">
        <AbsoluteDate value={item.createdAt} locale={dateLocale} />
        {!item.read && (
          <>
            {' '}
            <BusyButton class="secondary" busyLabel={t('common.busy')} aria-describedby={headlineId} onClick={onRead}>
              {t('notifications.markRead')}
            </BusyButton>
          </>
        )}
      </p>
    </li>
  );
}
