/**
 * Calls the HTTP API with the session's ID token and the page's language
 * (Accept-Language: the server words its errors in it). Errors arrive as
 * {"error": {code, message}} (API.md); they become ApiError. The token is
 * refreshed first when it expires within a minute, and once more on a 401
 * before the call is tried again; a second 401 (or a refused refresh) ends
 * the session, and the page sends the reader to sign in. A 403 MFA_REQUIRED
 * (an NSS officer or evaluator without a second sign-in step) takes the
 * reader to the Security page, which says why.
 */
import type { ErrorBody } from '../../../../functions/http/schemas.ts';
import { loadConfig, withoutTrailingSlash } from './config.ts';
import { language, pageUrl } from './page.ts';
import { clearSession, freshSession, keepSessionFresh, refreshSession, type Session } from './session.ts';

// Every signed-in page calls the API: its tokens are kept fresh from the moment this module loads.
keepSessionFresh();

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The API's error code (ErrorBody), or UNKNOWN / UNREACHABLE when no API answer was read. */
    readonly code: string,
    message: string,
    /** One problem per field, e.g. {field: 'body.title', message: '...'}. */
    readonly details: ErrorBody['error']['details'] = [],
  ) {
    super(message);
  }
}

async function send(method: string, path: string, body: unknown, session: Session | undefined): Promise<Response> {
  const config = await loadConfig();
  // Accept-Language is CORS-safelisted: it needs no allow-header in the API's preflight.
  const headers: Record<string, string> = { 'accept-language': language };
  if (session) headers.authorization = `Bearer ${session.idToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(`${withoutTrailingSlash(config.api)}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'UNREACHABLE', 'network error');
  }
}

async function call<T>(method: string, path: string, body?: unknown, answer: 'json' | 'text' = 'json'): Promise<T> {
  const session = await freshSession();
  let response = await send(method, path, body, session);
  if (response.status === 401 && session?.refreshToken) {
    // Once: new tokens, then the same call again.
    const refreshed = await refreshSession();
    if (refreshed && refreshed.idToken !== session.idToken) response = await send(method, path, body, refreshed);
  }
  if (response.status === 401) clearSession();
  if (!response.ok) {
    // Usually the API's ErrorBody; a gateway or proxy in between may answer anything, hence every part optional.
    const answer = (await response.json().catch(() => ({}))) as { error?: Partial<ErrorBody['error']> };
    const error = answer.error ?? {};
    if (error.code === 'MFA_REQUIRED') toSecurityPage();
    throw new ApiError(response.status, error.code ?? 'UNKNOWN', error.message ?? response.statusText, error.details ?? []);
  }
  const text = await response.text();
  if (answer === 'text') return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Staff without a second factor: to the Security page (with the reason it shows), unless already there. */
function toSecurityPage(): void {
  const security = pageUrl('security');
  if (location.pathname !== security) location.assign(pageUrl('security', { reason: 'mfa-required' }));
}

export const apiGet = <T>(path: string) => call<T>('GET', path);
/** A document the API answers as text (e.g. the diary's Markdown or printable HTML export). */
export const apiGetText = (path: string) => call<string>('GET', path, undefined, 'text');
export const apiPost = <T>(path: string, body: unknown = {}) => call<T>('POST', path, body);
export const apiPatch = <T>(path: string, body: unknown) => call<T>('PATCH', path, body);
export const apiPut = <T>(path: string, body: unknown) => call<T>('PUT', path, body);
export const apiDelete = <T>(path: string) => call<T>('DELETE', path);

/** A public route (GET /public/...): never sends the session's token, so it reads the same for everyone, signed in or not. */
export async function apiGetPublic<T>(path: string): Promise<T> {
  const config = await loadConfig();
  let response: Response;
  try {
    response = await fetch(`${withoutTrailingSlash(config.api)}${path}`, { headers: { 'accept-language': language } });
  } catch {
    throw new ApiError(0, 'UNREACHABLE', 'network error');
  }
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { error?: Partial<ErrorBody['error']> };
    throw new ApiError(response.status, answer.error?.code ?? 'UNKNOWN', answer.error?.message ?? response.statusText);
  }
  return (await response.json()) as T;
}
