/**
 * The forum (DOMAIN.md: discussions → threads → replies; the pupil forum is
 * in the pupils' area, the teacher forum in the teachers' area). Pure rules:
 * which areas hold a forum, who reads and who writes there, and how long a
 * title or a body may be (code points, as the user counts them, after
 * trimming).
 *
 * A discussion belongs to one area for ever; its threads and their replies
 * inherit it. Writing needs the forum action of the policy table AND reading
 * the area (a pupil administrator may open threads, but not in the teachers'
 * forum).
 */
import { mayReadArea, type Area } from './areas.ts';
import { mayAtAll, type Action } from './policy.ts';
import { sharedName } from './roster.ts';
import type { TwinspaceType } from './twinspace-types.ts';

export const forumAreas = ['pupils', 'teachers'] as const satisfies readonly Area[];
export type ForumArea = (typeof forumAreas)[number];

export const forumTitleMaxLength = 200;
export const forumBodyMaxLength = 10_000;

/** Length as the user sees it: an emoji is one character. */
export const codePointLength = (text: string): number => [...text].length;

export type ForumWriteAction = Extract<Action, 'forum-open-discussion' | 'forum-open-thread' | 'forum-reply'>;

export type ForumDecision = { outcome: 'allowed' } | { outcome: 'forbidden'; reason: string };

const areaRefusals: Record<ForumArea, string> = {
  pupils: "The pupils' forum is for the project's teachers and pupils.",
  teachers: "The teachers' forum is for the project's teachers.",
};

/** May this type read the forum of this area? */
export function mayReadForum(type: TwinspaceType, area: ForumArea): ForumDecision {
  return mayReadArea(type, area) ? { outcome: 'allowed' } : { outcome: 'forbidden', reason: areaRefusals[area] };
}

/** May this type take this forum action in this area? Both the action and reading the area. */
export function mayWriteInForum(type: TwinspaceType, action: ForumWriteAction, area: ForumArea): ForumDecision {
  if (!mayAtAll(type, action)) return { outcome: 'forbidden', reason: 'Your type in this project may not do this in the forum.' };
  return mayReadForum(type, area);
}

/** The name under which a member writes in the forum: pupils by first name only, adults in full (as in the chat). */
export const forumAuthorName = sharedName;
