/**
 * How a community page (groups, encounters, resources) opens: signed in, the
 * reader's account (GET /me), then the page's first read of its list. A 403
 * there means the account is no teacher's (a pupil, a guest…): the page says
 * so instead of showing anything. Until then "Loading…"; the page's content
 * is in the document but hidden, so its first read can run.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MeWithProjectsResponse } from '../../../../functions/http/projects/schemas.ts';
import { StatusMessage, type Status } from '../../components/kit/StatusMessage.tsx';
import { ApiError, apiGet } from '../common/api.ts';
import { requireSession, t } from '../common/page.ts';
import { failed } from '../common/problems.ts';

export type Me = MeWithProjectsResponse;

interface Props {
  /** The page, given the reader and `opening`: it hands over its first read, which decides what shows. */
  children: (me: Me, opening: (firstRead: Promise<unknown>) => void) => ComponentChildren;
}

export function CommunityGate({ children }: Props) {
  const [me, setMe] = useState<Me>();
  const [state, setState] = useState<'loading' | 'open' | 'refused' | 'failed'>('loading');
  const [status, setStatus] = useState<Status>();

  const fail = (error: unknown) => {
    setState('failed');
    failed(error, setStatus);
  };

  useEffect(() => {
    if (!requireSession()) return;
    apiGet<Me>('/me').then(setMe, fail);
  }, []);

  const opening = (firstRead: Promise<unknown>) => {
    firstRead.then(
      () => setState('open'),
      (error: unknown) => (error instanceof ApiError && error.status === 403 ? setState('refused') : fail(error)),
    );
  };

  return (
    <>
      {state === 'loading' && <p class="muted">{t('common.loading')}</p>}
      {state === 'refused' && <p class="card">{t('community.teachersOnly')}</p>}
      <StatusMessage status={status} />
      {me && state !== 'refused' && <div hidden={state !== 'open'}>{children(me, opening)}</div>}
    </>
  );
}
