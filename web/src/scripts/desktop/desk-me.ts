/**
 * What the desktop's islands (desktop, profile, school, partners) share: the
 * signed-in reader's GET /me, read once when the island starts (no session:
 * off to sign-in), and how a failure is said next to what caused it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { MeWithProjectsResponse } from '../../../../functions/http/projects/schemas.ts';
import type { Status } from '../../components/kit/index.ts';
import { apiGet } from '../common/api.ts';
import { requireSession } from '../common/page.ts';
import { failed } from '../common/problems.ts';

export type Me = MeWithProjectsResponse;

/**
 * GET /me as Preact state: `me` once read, `loading` until then, `status`
 * when it could not be read; `reload` reads it again (after a change).
 */
export function useMe() {
  const [me, setMe] = useState<Me>();
  const [loading, setLoading] = useState(true);
  const [status, setStatus] = useState<Status>();

  const reload = useCallback(async () => {
    const read = await apiGet<Me>('/me');
    setMe(read);
    return read;
  }, []);

  useEffect(() => {
    if (!requireSession()) return;
    reload()
      .catch((error: unknown) => failed(error, setStatus))
      .finally(() => setLoading(false));
  }, []);

  return { me, loading, status, reload };
}
