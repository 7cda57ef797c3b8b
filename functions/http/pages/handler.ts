/**
 * The TwinSpace pages' function (routes.ts): list and write the pages of an
 * area, read, edit (versioned), delete and publish one page, and the public
 * project page.
 *
 * Listing and writing pass the router's TwinSpace gate with the action of the
 * area the request names. The routes of one page gate here instead: the page
 * is read first (one GetItem) and its area picks the action, so a member
 * learns nothing the gate would not tell them: a missing page is 404 only
 * after the gate let the caller in (as a reader of the public area). Then the
 * table's conditions (functions/domain/pages.ts): a member teacher edits their
 * own pages of the public and teachers' areas, a pupil member their own
 * activities, a pupil administrator publishes pupils'-area pages only.
 *
 * A page's new title and text pass the pupil guard (guarded-write.ts) last:
 * a pupil's with a finding is held for a teacher (202, nothing written; the
 * release writes it through page-writes.ts, as here), a teacher's in an area
 * pupils read is a 409 warning until acknowledged.
 */
import { decodeDiaryCursor, listPublicDiaryEntries } from '../../data/diary.ts';
import { listGrantedProjectLabels, type GrantedProjectLabel } from '../../data/labels.ts';
import { listEuropeanLabels, type EuropeanLabel } from '../../data/european-labels.ts';
import { decodePageCursor, deletePage, getPage, listPages, replacePage, type Page, type PageListScope, type PageWriteOutcome, type PageWriter } from '../../data/pages.ts';
import { getProject } from '../../data/projects.ts';
import type { TableStore } from '../../data/store.ts';
import { editPagesActionOf, readActionOf } from '../../domain/areas.ts';
import { editRefusal, pageVisibility, publishRefusal, seesAllDrafts } from '../../domain/pages.ts';
import type { Action } from '../../domain/policy.ts';
import { hasTwinspace } from '../../domain/project-lifecycle.ts';
import { sharedName } from '../../domain/roster.ts';
import type { Caller } from '../../lib/claims.ts';
import { encodeCursor } from '../../lib/cursor.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../lib/errors.ts';
import { countOf } from '../../lib/observability.ts';
import { areaHandler } from '../area.ts';
import { guardWrite } from '../guarded-write.ts';
import { documentReply } from '../rich-document.ts';
import { gated } from '../router.ts';
import { requireTwinspaceAction, type TwinspaceAccess } from '../twinspace-access.ts';
import { editedPage, newPage, pageTexts, pupilsReadPagesOf, submissionNotices, writePage, type PageAuthor } from './page-writes.ts';
import { pagesRoutes } from './routes.ts';
import type { PageResponse, PublicProjectResponse } from './schemas.ts';

const noSuchPage = () => notFound('No such page in this project.');

/** The diary's cursor of the public page, or 400 naming its own field. */
function publicDiaryStartKey(cursor: string | undefined, projectId: string): Record<string, unknown> | undefined {
  try {
    return decodeDiaryCursor(cursor, projectId, 'open');
  } catch {
    throw validationFailed('The cursor is not valid.', [{ field: 'query.diaryCursor', message: 'Not a cursor this list gave out.' }]);
  }
}

/**
 * The badges of the public page: one National Quality Label per country that
 * granted one (its first grant), oldest first. Several teachers of one
 * country may each hold the label; the project shows it once per country.
 */
function nationalBadges(granted: GrantedProjectLabel[]): PublicProjectResponse['labels'] {
  const firstPerCountry = new Map<string, GrantedProjectLabel>();
  for (const label of granted) {
    const known = firstPerCountry.get(label.country);
    if (!known || label.grantedAt < known.grantedAt) firstPerCountry.set(label.country, label);
  }
  return [...firstPerCountry.values()]
    .sort((a, b) => a.grantedAt.localeCompare(b.grantedAt) || a.country.localeCompare(b.country))
    .map((label) => ({ level: 'national', country: label.country, schoolYear: label.schoolYear, grantedAt: label.grantedAt }));
}

/** One European badge per school year it was proposed for, oldest first. */
function europeanBadges(european: EuropeanLabel[]): PublicProjectResponse['labels'] {
  return [...european]
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear))
    .map((label) => ({ level: 'european', countries: label.countries, schoolYear: label.schoolYear, grantedAt: label.proposedAt }));
}

/** A write's outcome in the API's words: a refused one saved nothing. */
function refuseUnlessWritten(outcome: PageWriteOutcome): void {
  if (outcome === 'closed') throw conflict('The project is closed: its TwinSpace is read-only.');
  if (outcome === 'typeChanged') throw conflict('Your type in this project changed meanwhile: reload and try again.');
  if (outcome === 'stale') throw conflict('The page was changed or deleted since you read it: reload it. Nothing was saved.');
  countOf('PagesWritten');
}

const writerOf = (caller: Caller, access: TwinspaceAccess): PageWriter => ({ userId: caller.userId, type: access.membership.type });

/** The member writing, as the page shows them (pupils by first name). */
const authorOf = (caller: Caller, access: TwinspaceAccess): PageAuthor => ({ userId: caller.userId, type: access.membership.type, name: sharedName(access.membership) });

/** The member writing, as the pupil guard needs them. */
const guardCallerOf = (caller: Caller, access: TwinspaceAccess) => ({ userId: caller.userId, type: access.membership.type, displayName: access.membership.displayName });

/** A page as the wire shows it: its text as plain text, document and image URLs (the caller may read the page). */
async function pageResponseOf({ content, media, ...page }: Page): Promise<PageResponse> {
  return { ...page, ...(await documentReply({ content, media })) };
}

/**
 * The page and the gate: the page's area picks the action; a missing page
 * still passes the gate (as a reader of the public area) before its 404.
 */
async function pageBehindGate(
  store: TableStore,
  caller: Caller,
  { projectId, pageId }: { projectId: string; pageId: string },
  actionOf: (page: Page) => Action,
  write: boolean,
): Promise<{ page: Page; access: TwinspaceAccess }> {
  const page = await getPage(store, projectId, pageId);
  const access = await requireTwinspaceAction(store, projectId, caller, page ? actionOf(page) : 'read-public-area', { write });
  if (!page) throw noSuchPage();
  return { page, access };
}

export const handler = areaHandler(pagesRoutes, {
  // Published pages are read while the gate checks the caller (one round trip of time); which drafts one sees depends on one's type, so those wait for the gate.
  listPages: gated({
    whileGated: async ({ params: { projectId }, query, store }) => {
      if (query.status !== 'published') return undefined;
      const scope: PageListScope = { status: 'published' };
      return listPages(store, projectId, query.area, scope, { limit: query.limit, startKey: decodePageCursor(query.cursor, projectId, query.area, scope) });
    },
    handle: async ({ caller, params: { projectId }, query, twinspace, store }, published) => {
      const scope: PageListScope = seesAllDrafts(twinspace.membership.type, query.area) ? { status: 'draft' } : { status: 'draft', authorId: caller.userId };
      const { pages, lastKey } =
        published ?? (await listPages(store, projectId, query.area, scope, { limit: query.limit, startKey: decodePageCursor(query.cursor, projectId, query.area, scope) }));
      return { status: 200, body: { items: await Promise.all(pages.map(pageResponseOf)), nextCursor: encodeCursor(lastKey) } };
    },
  }),

  // Any allowance (own pages, own activities) lets a member write a page of their own.
  createPage: async ({ caller, params: { projectId }, body: { acknowledgePersonalData, ...creation }, twinspace, store }) => {
    const author = authorOf(caller, twinspace);
    const page = await newPage(store, projectId, author, creation);
    // The teachers to tell of a submission are read while the guard reads the members: one round trip of time.
    const [guarded, notices] = await Promise.all([
      guardWrite({
        store,
        project: twinspace.project,
        caller: guardCallerOf(caller, twinspace),
        surface: 'page-create',
        target: { area: creation.area },
        draft: { ...creation },
        texts: pageTexts(creation),
        pupilsRead: pupilsReadPagesOf(creation.area),
        acknowledgePersonalData,
      }),
      submissionNotices(store, undefined, page, author.type),
    ]);
    if (guarded.outcome === 'held') return { status: 202, body: { held: guarded.held } };
    refuseUnlessWritten(await writePage(store, page, undefined, author, notices));
    return { status: 201, body: await pageResponseOf(page) };
  },

  getPage: async ({ caller, params, store }) => {
    const { page, access } = await pageBehindGate(store, caller, params, (found) => readActionOf[found.area], false);
    // Someone else's draft the caller may not see does not exist for them.
    if (pageVisibility(access.membership.type, caller.userId, page) !== 'visible') throw noSuchPage();
    return { status: 200, body: await pageResponseOf(page) };
  },

  updatePage: async ({ caller, params, body: { acknowledgePersonalData, ...edit }, store }) => {
    const { page, access } = await pageBehindGate(store, caller, params, (found) => editPagesActionOf[found.area], true);
    const refused = editRefusal(access.membership.type, caller.userId, page);
    if (refused) throw forbidden(refused);
    if (edit.version !== page.version) throw conflict(`The page is at version ${page.version}, you sent ${edit.version}: reload it. Nothing was saved.`);
    const author = authorOf(caller, access);
    const next = await editedPage(store, page, author.type, edit);
    const texts = pageTexts(edit);
    // Only new text is read by the guard: marking a page submitted writes none.
    const [guarded, notices] = await Promise.all([
      Object.keys(texts).length === 0
        ? ({ outcome: 'publish' } as const)
        : guardWrite({
            store,
            project: access.project,
            caller: guardCallerOf(caller, access),
            surface: 'page-update',
            target: { pageId: page.pageId, version: page.version },
            draft: { ...edit },
            texts,
            pupilsRead: pupilsReadPagesOf(page.area),
            acknowledgePersonalData,
          }),
      submissionNotices(store, page, next, author.type),
    ]);
    if (guarded.outcome === 'held') return { status: 202, body: { held: guarded.held } };
    refuseUnlessWritten(await writePage(store, next, page, author, notices));
    return { status: 200, body: await pageResponseOf(next) };
  },

  deletePage: async ({ caller, params, store }) => {
    const { page, access } = await pageBehindGate(store, caller, params, (found) => editPagesActionOf[found.area], true);
    const refused = editRefusal(access.membership.type, caller.userId, page);
    if (refused) throw forbidden(refused);
    refuseUnlessWritten(await deletePage(store, page, writerOf(caller, access)));
    return { status: 204 };
  },

  publishPage: async ({ caller, params, store }) => {
    const { page, access } = await pageBehindGate(store, caller, params, () => 'publish-page', true);
    const refused = publishRefusal(access.membership.type, page.area);
    if (refused) throw forbidden(refused);
    if (page.status === 'published') throw conflict('The page is already published.');
    const now = new Date().toISOString();
    const next: Page = { ...page, status: 'published', publishedAt: now, updatedAt: now, submittedForPublishing: false, version: page.version + 1 };
    refuseUnlessWritten(await replacePage(store, next, page.version, writerOf(caller, access)));
    return { status: 200, body: await pageResponseOf(next) };
  },

  /**
   * Public, no token: what anyone may see of a project whose TwinSpace exists
   * (approved or closed): its description, subjects, languages, pupils' ages,
   * partner countries and schools, and the PUBLISHED pages of its public area,
   * newest first, paged; its Project Diary's PUBLIC entries (DOMAIN.md: "public
   * — anyone, also without an account"), newest first, paged by diaryCursor;
   * and its granted National Quality Labels, one badge per country. Never a
   * person's name (no authors, no repliers, no applicants, no evaluators, no
   * pupils) and nothing of the other areas, of drafts, of restricted, private
   * or hidden entries, or of labels waiting or not granted. Any other project, or
   * none, is 404: the same answer, so the route tells nobody that a proposed or
   * rejected project exists.
   */
  getPublicProject: async ({ params: { projectId }, query, store }) => {
    const scope = { status: 'published' } as const;
    const startKey = decodePageCursor(query.cursor, projectId, 'public', scope);
    const diaryStartKey = publicDiaryStartKey(query.diaryCursor, projectId);
    // Every read at once (one round trip): what belongs to a project that is not shown is simply dropped.
    const [project, listed, diary, granted, european] = await Promise.all([
      getProject(store, projectId),
      listPages(store, projectId, 'public', scope, { limit: query.limit, startKey }),
      listPublicDiaryEntries(store, projectId, { limit: query.limit, startKey: diaryStartKey }),
      listGrantedProjectLabels(store, projectId),
      listEuropeanLabels(store, projectId),
    ]);
    if (!project || !hasTwinspace(project.state)) throw notFound('No such public project.');
    const body: PublicProjectResponse = {
      project: {
        projectId: project.projectId,
        title: project.title,
        description: project.description,
        state: project.state,
        subjects: project.subjects,
        ages: project.ages,
        languages: project.languages,
        partners: project.partners.map((partner) => (partner.school ? { country: partner.country, school: partner.school } : { country: partner.country })),
      },
      pages: {
        // A published public page's images are public-area images (the rule when it was saved): their URLs go to anyone.
        items: await Promise.all(
          listed.pages.map(async (page) => ({ pageId: page.pageId, title: page.title, ...(await documentReply(page)), publishedAt: page.publishedAt ?? page.updatedAt, updatedAt: page.updatedAt })),
        ),
        nextCursor: encodeCursor(listed.lastKey),
      },
      // Entries carry their document, never URLs: the public page shows only published public pages' images.
      diary: { items: await Promise.all(diary.entries.map(async ({ content, ...entry }) => ({ ...entry, ...(await documentReply({ content }, { withMedia: false })) }))), nextCursor: encodeCursor(diary.lastKey) },
      labels: [...nationalBadges(granted), ...europeanBadges(european)],
    };
    return { status: 200, body };
  },
});
