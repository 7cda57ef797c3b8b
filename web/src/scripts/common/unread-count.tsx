/**
 * The header's link to the notifications page with the unread count (every
 * signed-in page; Base.astro mounts it and gives its words as props). The
 * count is read once (GET /me/notifications/unread), rises live on a
 * `notification` frame of the tab's socket (live.ts), and follows what the
 * notifications page marks read (the `twinspace:unread` event on window).
 * Without a session, or when the count cannot be read, the link shows alone.
 */
import { useEffect, useState } from 'preact/hooks';
import { Badge } from '../../components/kit/Badge.tsx';
import { plural } from '../../i18n/plural.ts';
import { unreadEvent, unreadPath, type UnreadAnswer, type UnreadWords } from './unread.ts';
import { apiGet } from './api.ts';
import { live } from './live.ts';
import { currentSession } from './session.ts';

interface Props extends UnreadWords {
  lang: string;
  href: string;
}

export default function UnreadCount({ lang, href, label, one, other }: Props) {
  const [count, setCount] = useState<number>();

  useEffect(() => {
    if (!currentSession()) return;
    let counted = false;
    const readCount = () =>
      apiGet<UnreadAnswer>(unreadPath).then(
        (answer) => {
          // A live notification or the page may have set it meanwhile: the later word wins.
          if (!counted && typeof answer?.unread === 'number') setCount(answer.unread);
        },
        () => undefined,
      );
    void readCount();
    // Back after a dropped connection: what arrived meanwhile was not framed to this tab, so read the count again.
    let wasOpen = live().status() === 'open';
    const offStatus = live().onStatus((status) => {
      if (status === 'open' && wasOpen) {
        counted = false;
        void readCount();
      }
      if (status === 'open') wasOpen = true;
    });
    const followPage = (event: Event) => {
      counted = true;
      setCount((event as CustomEvent<number>).detail);
    };
    addEventListener(unreadEvent, followPage);
    const offLive = live().on('notification', (frame) => {
      if (frame.notification.read) return;
      counted = true;
      setCount((before) => (before ?? 0) + 1);
    });
    return () => {
      removeEventListener(unreadEvent, followPage);
      offLive();
      offStatus();
    };
  }, []);

  return (
    <a href={href} class="unread-link" aria-current={location.pathname === href ? 'page' : undefined}>
      {label}
      {count ? (
        <>
          {' '}
          <Badge variant="info">{plural(count, { one, other }, lang)}</Badge>
        </>
      ) : null}
    </a>
  );
}
