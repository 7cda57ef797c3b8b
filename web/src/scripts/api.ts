/**
 * Calls the HTTP API with the session's ID token. Errors arrive as
 * {"error": {code, message}} (API.md); they become ApiError.
 */
import { loadConfig, withoutTrailingSlash } from './config.ts';
import { clearSession, currentSession } from './session.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function apiGet<T>(path: string): Promise<T> {
  const config = await loadConfig();
  const session = currentSession();
  let response: Response;
  try {
    response = await fetch(`${withoutTrailingSlash(config.api)}${path}`, {
      headers: session ? { authorization: `Bearer ${session.idToken}` } : {},
    });
  } catch {
    throw new ApiError(0, 'UNREACHABLE', 'network error');
  }
  if (response.status === 401) clearSession();
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    throw new ApiError(response.status, body.error?.code ?? 'UNKNOWN', body.error?.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

export interface MyProject {
  projectId: string;
  title: string;
  type: string;
  state?: string;
}

export interface Me {
  userId: string;
  username: string;
  kind: string;
  country: string;
  groups: string[];
  profile?: { displayName?: string; [field: string]: unknown };
  projects: MyProject[];
}

export interface Project {
  projectId: string;
  title: string;
  description?: string;
  state: string;
  /** My type in this project; null when I read it as NSS or evaluator. */
  myType: string | null;
}

export interface Member {
  userId: string;
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
