/**
 * The TwinSpace home's rules, pure (no DOM; unit-testable in node): the
 * strings its island needs, what each reader may do there, and an automatic
 * entry in words.
 */
import { mayAtAll } from '../../../../functions/domain/policy.ts';
import type { FeedEntryResponse } from '../../../../functions/http/home/schemas.ts';
import type { TwinspaceType } from '../../../../functions/domain/twinspace-types.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { tabPath, type Tab } from './twinspace-tabs.ts';

export const homeStrings = [
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'type.teacher-admin',
  'type.member-teacher',
  'type.pupil-admin',
  'type.pupil-member',
  'type.visitor',
  'home.feed',
  'home.none',
  'home.more',
  'home.visitorNote',
  'home.write',
  'home.yourPost',
  'home.postHint',
  'home.post',
  'home.posted',
  'home.required',
  'home.pinned',
  'home.like',
  'home.likes.one',
  'home.likes.other',
  'home.showComments',
  'home.comments',
  'home.noComments',
  'home.yourComment',
  'home.comment',
  'home.commented',
  'home.pin',
  'home.unpin',
  'home.pinnedDone',
  'home.unpinnedDone',
  'home.delete',
  'home.confirmDelete',
  'home.confirmDeleteEntry',
  'home.confirmDeleteComment',
  'home.deleted',
  'home.cancel',
  'home.pagePublished',
  'home.threadOpened',
  'home.eventAdded',
  'home.memberJoined',
  'home.labelGranted',
  'home.board',
  'home.boardIntro',
  'home.yourNote',
  'home.addNote',
  'home.noteAdded',
  'home.noNotes',
  'home.confirmDeleteNote',
] as const satisfies readonly MessageKey[];

/** What the reader may do on the home (no write control at all while the project is not open). */
export interface HomeRights {
  post: boolean;
  react: boolean;
  moderate: boolean;
  board: boolean;
  writable: boolean;
}

export function homeRights(type: TwinspaceType | null | undefined, state: string): HomeRights {
  const writable = state === 'approved';
  const allowed = (action: Parameters<typeof mayAtAll>[1]) => !!type && mayAtAll(type, action);
  return {
    writable,
    post: writable && allowed('home-post'),
    react: writable && allowed('home-comment-like'),
    moderate: writable && allowed('moderate'),
    board: allowed('teachers-board'),
  };
}

/** An automatic entry in words: the dictionary's sentence with its names filled in (as text). */
export function entrySentence(
  entry: Exclude<FeedEntryResponse, { kind: 'post' }>,
  fill: (key: MessageKey, values: Record<string, string>) => string,
  typeName: (type: string) => string,
): string {
  switch (entry.kind) {
    case 'page-published':
      return fill('home.pagePublished', { name: entry.by.name, title: entry.page.title });
    case 'thread-opened':
      return fill('home.threadOpened', { name: entry.by.name, title: entry.thread.title });
    case 'event-added':
      return fill('home.eventAdded', { name: entry.by.name, title: entry.event.title });
    case 'member-joined':
      return fill('home.memberJoined', { name: entry.member.name, type: typeName(entry.member.type) });
    case 'label-granted':
      return fill('home.labelGranted', { country: entry.label.country });
  }
}

/**
 * Where an automatic entry leads: the page, the thread, the agenda, the
 * members, the labels it speaks of (the tab's address plus what opens the
 * thing itself). The reader may not have that tab (a member joined is a
 * public fact, the roster too); the tab itself then says so.
 */
export function entryHref(entry: Exclude<FeedEntryResponse, { kind: 'post' }>, language: string): string {
  const tab = (name: Tab, extra: Record<string, string> = {}) => {
    const path = tabPath(language, name, entry.projectId);
    const more = new URLSearchParams(extra).toString();
    return more ? `${path}&${more}` : path;
  };
  switch (entry.kind) {
    case 'page-published':
      return tab('pages', { area: entry.area, page: entry.page.pageId });
    case 'thread-opened':
      return tab('forum', { discussion: entry.thread.discussionId, thread: entry.thread.threadId });
    case 'event-added':
      return tab('agenda');
    case 'member-joined':
      return tab('members');
    case 'label-granted':
      return tab('labels');
  }
}

/** The user id in a session's ID token (common/session.ts): whose posts and comments are one's own. */
export { subOf } from '../common/session.ts';
