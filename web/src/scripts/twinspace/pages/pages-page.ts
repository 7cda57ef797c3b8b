/**
 * The TwinSpace pages page's rules, pure (no DOM; unit-tested in node): the
 * strings its island needs, which area the page opens on, the guidance a
 * pupil reads, which areas a member writes in, which controls a page shows,
 * and the new-page form as the API's body. They read the policy table and the
 * page rules (functions/domain/pages.ts); the server decides in the end. The
 * page itself is the Preact island pages-island.tsx, built from the kit.
 */
import { areas, mayReadArea, type Area } from '../../../../../functions/domain/areas.ts';
import { createRefusal, editRefusal, publishRefusal, seesAllDrafts, type PageFacts } from '../../../../../functions/domain/pages.ts';
import { may } from '../../../../../functions/domain/policy.ts';
import type { TwinspaceType } from '../../../../../functions/domain/twinspace-types.ts';
import { pageBodyMaxLength } from '../../../../../functions/domain/pages.ts';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import type { PageCreateBodyInput } from '../../../../../functions/http/pages/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { docProblem, type DocProblem, type WithRichBody } from '../../common/rich-body.ts';
import { heldNoticeStrings, personalDataWarningStrings } from '../../common/held-words.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const pagesStrings = [
  ...heldNoticeStrings,
  ...personalDataWarningStrings,
  'site.name',
  'twinspace.missingId',
  'twinspace.notFound',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'pagesArea.title',
  'pagesArea.titleOf',
  'pagesArea.back',
  'pagesArea.areas',
  'pagesArea.area',
  'pagesArea.area.public',
  'pagesArea.area.pupils',
  'pagesArea.area.teachers',
  'pagesArea.published',
  'pagesArea.noPublished',
  'pagesArea.drafts',
  'pagesArea.noDrafts',
  'pagesArea.more',
  'pagesArea.new',
  'pagesArea.pageTitle',
  'pagesArea.text',
  'pagesArea.textHint',
  'pagesArea.submitOnCreate',
  'pagesArea.create',
  'pagesArea.created',
  'pagesArea.titleMissing',
  'pagesArea.checkFields',
  'pagesArea.by',
  'pagesArea.changedOn',
  'pagesArea.publishedOn',
  'pagesArea.status.draft',
  'pagesArea.status.published',
  'pagesArea.submitted',
  'pagesArea.noText',
  'pagesArea.edit',
  'pagesArea.editHeading',
  'pagesArea.save',
  'pagesArea.cancel',
  'pagesArea.saved',
  'pagesArea.changedElsewhere',
  'pagesArea.gone',
  'pagesArea.publish',
  'pagesArea.publishedDone',
  'pagesArea.submit',
  'pagesArea.submittedDone',
  'pagesArea.delete',
  'pagesArea.confirmDelete',
  'pagesArea.deleted',
  'pagesArea.backToList',
  'pagesArea.whereYouAre',
  'pagesArea.notFound',
  'pagesArea.noArea',
  'pagesArea.closed',
  'pagesArea.notOpen',
  'pagesArea.guide.submit',
  'pagesArea.guide.publish',
] as const satisfies readonly MessageKey[];

/** The area's name in the dictionary. */
export const areaKey = (area: Area): MessageKey => `pagesArea.area.${area}`;

/** The areas this type writes pages in (its own at least). */
export function writableAreas(type: TwinspaceType): Area[] {
  return areas.filter((area) => mayReadArea(type, area) && createRefusal(type, area) === undefined);
}

/**
 * The area the page shows: the one in the address when this type reads it;
 * otherwise the first area the member writes in (a pupil: the pupils' area),
 * else the public one. `refused`: an area was asked for that this type does not read.
 */
export function chosenArea(type: TwinspaceType, requested: string | null): { area: Area; refused: boolean } {
  const readable = areas.filter((area) => mayReadArea(type, area));
  const asked = readable.find((area) => area === requested);
  if (asked) return { area: asked, refused: false };
  return { area: writableAreas(type)[0] ?? 'public', refused: !!requested };
}

/** Whether the area's drafts list shows: for those who write there (their own) or see every draft of it. */
export const showsDrafts = (type: TwinspaceType, area: Area): boolean => createRefusal(type, area) === undefined || seesAllDrafts(type, area);

/**
 * One sentence for those who write only in the pupils' area (pupils), read
 * from the policy table: a pupil member writes and submits their own pages,
 * a pupil administrator also publishes them. Teachers and visitors get none.
 */
export function guidanceFor(type: TwinspaceType): MessageKey | undefined {
  if (may(type, 'edit-public-or-teachers-pages') !== 'deny' || may(type, 'edit-pupils-pages') === 'deny') return undefined;
  return may(type, 'publish-page') === 'deny' ? 'pagesArea.guide.submit' : 'pagesArea.guide.publish';
}

/** What a page offers this member: none of it in a project that is not open (`writable` false). */
export interface PageControls {
  /** Edit and delete it. */
  edit: boolean;
  publish: boolean;
  /** Submit it for publishing (a pupil member's own draft, not yet submitted). */
  submit: boolean;
}

export function pageControls(type: TwinspaceType, me: string, page: PageFacts & { submittedForPublishing: boolean }, writable: boolean): PageControls {
  if (!writable) return { edit: false, publish: false, submit: false };
  const draft = page.status === 'draft';
  return {
    edit: editRefusal(type, me, page) === undefined,
    publish: draft && publishRefusal(type, page.area) === undefined,
    submit: draft && type === 'pupil-member' && page.authorId === me && !page.submittedForPublishing,
  };
}

/** The new-page form, as typed. */
export interface NewPageValues {
  area: Area;
  title: string;
  body: RichDoc;
  submit: boolean;
}

/** A page's text may be empty; it may not be longer, or nested deeper, than the API takes. */
export const pageTextProblem = (body: RichDoc): DocProblem | undefined => docProblem(body, { maxChars: pageBodyMaxLength, required: false });

/** The form as the API's body, or its fields' problems (the title's as a dictionary key). Only a pupil member submits on creating. */
export function newPageBody(
  typed: NewPageValues,
  type: TwinspaceType,
): { body: WithRichBody<PageCreateBodyInput> } | { problems: { title?: MessageKey; body?: DocProblem } } {
  const problems = { ...(typed.title.trim() ? {} : { title: 'pagesArea.titleMissing' as const }), ...withProblem(pageTextProblem(typed.body)) };
  if (problems.title || problems.body) return { problems };
  return { body: { area: typed.area, title: typed.title, body: typed.body, submittedForPublishing: type === 'pupil-member' && typed.submit } };
}

const withProblem = (body: DocProblem | undefined) => (body ? { body } : {});
