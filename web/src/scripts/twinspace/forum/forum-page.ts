/**
 * The forum page's rules, pure (no DOM; unit-tested in node): the strings its
 * island needs, which level the address asks for, what the member may do
 * (functions/domain/forum.ts, policy.ts), a post's text's problem, and
 * finding a listed discussion or thread (there is no GET of one). The page
 * itself is the Preact island forum-island.tsx with one file per level.
 */
import { forumAreas, forumBodyMaxLength, mayReadForum, mayWriteInForum, type ForumArea, type ForumWriteAction } from '../../../../../functions/domain/forum.ts';
import { mayAtAll } from '../../../../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import { cursorPages, type CursorPage } from '../../../components/kit/paging.ts';
import { labelKeys } from '../../../i18n/labels.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import { docProblem, type DocProblem } from '../../common/rich-body.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const forumStrings = [
  ...labelKeys,
  'site.name',
  'areas.public',
  'forum.title',
  'forum.trail',
  'forum.forVisitors',
  'forum.closed',
  'forum.area.pupils',
  'forum.area.teachers',
  'forum.intro.pupils',
  'forum.intro.teachers',
  'forum.discussions',
  'forum.noDiscussions',
  'forum.threads',
  'forum.noThreads',
  'forum.replies',
  'forum.noReplies',
  'forum.more',
  'forum.openDiscussion',
  'forum.openDiscussionSubmit',
  'forum.openThread',
  'forum.openThreadSubmit',
  'forum.cancel',
  'forum.titleField',
  'forum.textField',
  'forum.replyField',
  'forum.replySubmit',
  'forum.required',
  'forum.checkFields',
  'forum.by',
  'forum.threadCount.one',
  'forum.threadCount.other',
  'forum.replyCount.one',
  'forum.replyCount.other',
  'forum.discussionOpened',
  'forum.threadOpened',
  'forum.replied',
  'forum.deleteThread',
  'forum.deleteReply',
  'forum.confirmDeleteThread',
  'forum.confirmDeleteReply',
  'forum.threadDeleted',
  'forum.replyDeleted',
  'forum.notFound',
  'forum.delete',
  'twinspace.title',
  'twinspace.missingId',
  'twinspace.notFound',
  'twinspace.notOpen',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
] as const satisfies readonly MessageKey[];

/** The level the address asks for: the forums, a discussion's threads, or a thread's replies. */
export type ForumLevel = { level: 'forums' } | { level: 'discussion'; discussionId: string } | { level: 'thread'; discussionId: string; threadId: string };

export function levelOf(search: string): ForumLevel {
  const query = new URLSearchParams(search);
  const discussionId = query.get('discussion');
  const threadId = query.get('thread');
  if (discussionId && threadId) return { level: 'thread', discussionId, threadId };
  if (discussionId) return { level: 'discussion', discussionId };
  return { level: 'forums' };
}

/** What the member may do in the forum; no write control at all while the project is not open. */
export interface ForumRights {
  /** The forums the member reads (none: a visitor). */
  readable: ForumArea[];
  writable: boolean;
  may: (action: ForumWriteAction, area: ForumArea) => boolean;
  /** Delete threads and replies (teacher administrators). */
  moderate: boolean;
}

export function forumRights(type: TwinspaceType, state: string): ForumRights {
  const writable = state === 'approved';
  return {
    readable: forumAreas.filter((area) => mayReadForum(type, area).outcome === 'allowed'),
    writable,
    may: (action, area) => writable && mayWriteInForum(type, action, area).outcome === 'allowed',
    moderate: writable && mayAtAll(type, 'moderate'),
  };
}

/** A post's text must say something, and no more than the API takes. */
export const forumTextProblem = (body: RichDoc): DocProblem | undefined => docProblem(body, { maxChars: forumBodyMaxLength, required: true });

/**
 * The first listed item that matches, read page by page (the kit's cursorPages)
 * from each list in turn until found; undefined when no list holds it.
 */
export async function findListed<Item>(lists: readonly ((cursor: string | null) => Promise<CursorPage<Item>>)[], matches: (item: Item) => boolean): Promise<Item | undefined> {
  for (const load of lists) {
    const pages = cursorPages(load);
    do {
      const found = (await pages.next()).find(matches);
      if (found) return found;
    } while (!pages.done);
  }
  return undefined;
}
