/**
 * The signed-in session lives in sessionStorage: it ends with the tab, and
 * each browser tab (or test context) signs in on its own.
 */
export interface Session {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  username: string;
  /** Epoch milliseconds after which the ID token is no longer accepted. */
  expiresAt: number;
}

const storageKey = 'twinspace.session';

export function saveSession(session: Session): void {
  sessionStorage.setItem(storageKey, JSON.stringify(session));
}

export function currentSession(): Session | undefined {
  const stored = sessionStorage.getItem(storageKey);
  if (!stored) return undefined;
  try {
    const session = JSON.parse(stored) as Session;
    if (typeof session.idToken !== 'string' || session.expiresAt <= Date.now()) {
      clearSession();
      return undefined;
    }
    return session;
  } catch {
    clearSession();
    return undefined;
  }
}

export function clearSession(): void {
  sessionStorage.removeItem(storageKey);
}
