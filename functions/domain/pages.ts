/**
 * TwinSpace pages (DOMAIN.md, "What each type may do"): who edits, publishes
 * and sees which page. Pure rules over the policy table; the handlers in
 * functions/http/pages/handler.ts apply them after the TwinSpace gate. Rules decided
 * here where DOMAIN.md is silent (also in functions/domain/README.md):
 *
 * - A page is a draft until published. Published pages are read by the
 *   area's readers. A draft is seen by its author and by everyone who edits
 *   any page of its area or publishes pages of its area (so the project's
 *   teachers see every draft, pupils' ones included; a pupil administrator
 *   every pupils'-area draft).
 * - Editing a published page keeps it published only when the editor may
 *   publish it; otherwise (a pupil member editing their published activity)
 *   it goes back to draft and waits for a publisher again.
 * - A pupil member cannot publish: they mark a page `submittedForPublishing`;
 *   publishing clears the mark.
 */
import { editPagesActionOf, mayReadArea, type Area } from './areas.ts';
import { may } from './policy.ts';
import type { TwinspaceType } from './twinspace-types.ts';

export const pageTitleMaxLength = 200;
export const pageBodyMaxLength = 20_000;

export const pageStatuses = ['draft', 'published'] as const;
export type PageStatus = (typeof pageStatuses)[number];

/** What the rules need to know of a page. */
export interface PageFacts {
  area: Area;
  status: PageStatus;
  authorId: string;
}

/** Characters as the user sees them: code points, so an emoji is one. */
export const codePointLength = (text: string): number => [...text].length;

/** Why this type may not create pages in the area at all, or undefined when it may (own ones at least). */
export function createRefusal(type: TwinspaceType, area: Area): string | undefined {
  if (may(type, editPagesActionOf[area]) !== 'deny') return undefined;
  return area === 'pupils' ? "Visitors do not edit pages in the pupils' area." : "Only the project's teachers edit pages in this area.";
}

/** Why `userId` (of `type`) may not edit or delete this page, or undefined when they may. */
export function editRefusal(type: TwinspaceType, userId: string, page: PageFacts): string | undefined {
  const refused = createRefusal(type, page.area);
  if (refused) return refused;
  const permission = may(type, editPagesActionOf[page.area]);
  if (permission === 'allow' || page.authorId === userId) return undefined;
  return permission === 'own activities only'
    ? 'Pupil members edit their own activities only.'
    : 'Member teachers edit their own pages in this area; a teacher administrator edits any page.';
}

/** Why this type may not publish a page of the area, or undefined when it may. */
export function publishRefusal(type: TwinspaceType, area: Area): string | undefined {
  const permission = may(type, 'publish-page');
  if (permission === 'allow') return undefined;
  if (permission === 'pupils area only') return area === 'pupils' ? undefined : "A pupil administrator publishes pages of the pupils' area only.";
  return 'A teacher or a pupil administrator publishes pages: mark yours submittedForPublishing and they will see it.';
}

/** Sees every draft of the area (not only their own). */
export function seesAllDrafts(type: TwinspaceType, area: Area): boolean {
  return may(type, editPagesActionOf[area]) === 'allow' || publishRefusal(type, area) === undefined;
}

/** Whether this member sees the page: 'area' = not a reader of its area; 'draft' = someone else's draft. */
export function pageVisibility(type: TwinspaceType, userId: string, page: PageFacts): 'visible' | 'area' | 'draft' {
  if (!mayReadArea(type, page.area)) return 'area';
  if (page.status === 'published' || page.authorId === userId || seesAllDrafts(type, page.area)) return 'visible';
  return 'draft';
}

/** The status after an edit: published stays published only if the editor may publish it. */
export function statusAfterEdit(type: TwinspaceType, page: PageFacts): PageStatus {
  return page.status === 'published' && publishRefusal(type, page.area) === undefined ? 'published' : 'draft';
}
