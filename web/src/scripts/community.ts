/**
 * What the community pages (groups, encounters, resources) share: the shapes
 * they read, paging with "Show more", and the 403 that means "not a teacher".
 */
import { apiGet, ApiError, type Page } from './api.ts';

export interface Group {
  groupId: string;
  name: string;
  theme: string;
  access: 'open' | 'invitation';
  owner: { userId: string; displayName: string };
  memberCount: number;
  maxMembers?: number;
  isMember: boolean;
  isOwner: boolean;
}

export interface GroupMember {
  userId: string;
  displayName: string;
  country: string;
}

export interface Encounter {
  encounterId: string;
  title: string;
  description: string;
  language: string;
  startsAt: string;
  seats: number;
  seatsLeft: number;
  waitingCount: number;
  organiser: string;
  myRegistration: { status: 'seat' } | { status: 'waiting'; position: number } | null;
}

export interface Registration {
  status: 'seat' | 'waiting';
  position?: number;
}

export interface Resource {
  resourceId: string;
  title: string;
  url: string;
  description: string;
  tags: string[];
  language: string;
  addedBy: string;
}

/** A list read page by page: `next()` gives the following page, or nothing once the list is done. */
export function pager<T>(path: string, limit = 20) {
  let cursor: string | null | undefined;
  return {
    get done() {
      return cursor === null;
    },
    async next(): Promise<T[]> {
      if (cursor === null) return [];
      const separator = path.includes('?') ? '&' : '?';
      const page = await apiGet<Page<T>>(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      cursor = page.nextCursor;
      return page.items;
    },
  };
}

/** A 403 on the first read means this account has no desktop (pupil, guest…): the page says so instead. */
export const isRefused = (error: unknown) => error instanceof ApiError && error.status === 403;

/** Only an https: address becomes a link (user-provided URLs: never javascript:, data: or http:). */
export function isSafeLink(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
