/**
 * Calls the HTTP API with the session's ID token and the page's language
 * (Accept-Language: the server words its errors in it). Errors arrive as
 * {"error": {code, message}} (API.md); they become ApiError.
 */
import type { TwinspaceType } from '../../../functions/domain/twinspace-types.ts';
import { loadConfig, withoutTrailingSlash } from './config.ts';
import { language } from './page.ts';
import { clearSession, currentSession } from './session.ts';

/** One problem with one field, e.g. {field: 'body.title', message: '...'}. */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown, answer: 'json' | 'text' = 'json'): Promise<T> {
  const config = await loadConfig();
  const session = currentSession();
  // Accept-Language is CORS-safelisted: it needs no allow-header in the API's preflight.
  const headers: Record<string, string> = { 'accept-language': language };
  if (session) headers.authorization = `Bearer ${session.idToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${withoutTrailingSlash(config.api)}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'UNREACHABLE', 'network error');
  }
  if (response.status === 401) clearSession();
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as {
      error?: { code?: string; message?: string; details?: FieldProblem[] };
    };
    const error = answer.error ?? {};
    throw new ApiError(response.status, error.code ?? 'UNKNOWN', error.message ?? response.statusText, error.details ?? []);
  }
  const text = await response.text();
  if (answer === 'text') return text as T;
  return (text ? JSON.parse(text) : undefined) as T;
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
    const answer = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, answer.error?.code ?? 'UNKNOWN', answer.error?.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

export interface MyProject {
  projectId: string;
  title: string;
  /** My type in the TwinSpace; null until the project is approved. */
  type: string | null;
  state?: string;
}

/** A project a teacher has been asked to found with its creator. */
export interface Invitation {
  projectId: string;
  title: string;
  invitedBy?: { displayName: string; country: string };
}

export interface Me {
  userId: string;
  username: string;
  kind: string;
  country: string;
  groups: string[];
  profile?: { displayName?: string; [field: string]: unknown };
  projects: MyProject[];
  invitations?: Invitation[];
}

export interface Partner {
  userId: string;
  displayName: string;
  country: string;
  school?: string;
}

export interface Project {
  projectId: string;
  title: string;
  description?: string;
  state: string;
  subjects?: string[];
  ages?: { min: number; max: number };
  languages?: string[];
  founders?: Partner[];
  partners?: Partner[];
  rejectionReason?: string | null;
  /** Edits send the version they read; a stale one gets 409. */
  version?: number;
  /** My type in this project; null when I read it as NSS or evaluator. */
  myType: TwinspaceType | null;
  /** Lifecycle steps I may take now ('close', 'reopen', ...). */
  myActions?: string[];
}

export interface Member {
  userId: string;
  username?: string;
  displayName: string;
  type: string;
  kind: string;
  country: string;
  email?: string;
}

export interface ChatMessage {
  id: string;
  projectId: string;
  authorId: string;
  authorName: string;
  authorType: string;
  text: string;
  sentAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
