/**
 * The Project Diary page's rules, pure (no DOM; unit-tested in node): the
 * strings its island (diary-island.tsx) reads, the kinds and visibilities
 * the form offers, the form as the API's body, what each view of the diary
 * may do, where its back link goes, and the exports' file names.
 */
import { diaryLimits } from '../../../../../functions/domain/diary.ts';
import type { RichDoc } from '../../../../../functions/domain/rich-text-core.ts';
import type { DiaryEntryBodyInput, DiaryPage } from '../../../../../functions/http/diary/schemas.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { docProblem, emptyDoc, type DocProblem, type WithRichBody } from '../../common/rich-body.ts';

/** The API's kinds and visibilities, in the form's order (tests/unit/diary-form.test.ts checks them against the domain's). */
export const entryKinds = ['activity', 'assessment', 'doubt'] as const satisfies readonly DiaryEntryBodyInput['kind'][];
export const entryVisibilities = ['private', 'restricted', 'public', 'hidden'] as const satisfies readonly DiaryEntryBodyInput['visibility'][];

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const diaryStrings: readonly MessageKey[] = [
  ...entryKinds.map((kind) => `diary.kind.${kind}` as const),
  ...entryVisibilities.flatMap((visibility) => [`diary.visibility.${visibility}` as const, `diary.explain.${visibility}` as const]),
  'site.name',
  'twinspace.missingId',
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'publicPage.diaryForGuests',
  'publicPage.diaryForGuestsLink',
  'diary.back',
  'diary.entries',
  'diary.none',
  'diary.more',
  'diary.export',
  'diary.printable',
  'diary.exported',
  'diary.write',
  'diary.kind',
  'diary.visibility',
  'diary.entryTitle',
  'diary.body',
  'diary.submit',
  'diary.written',
  'diary.by',
  'diary.answered',
  'diary.waiting',
  'diary.replies',
  'diary.role.nss',
  'diary.role.teacher',
  'diary.replyLabel.nss',
  'diary.replyLabel.teacher',
  'diary.replySubmit.nss',
  'diary.replySubmit.teacher',
  'diary.replied',
  'diary.emptyReply',
];

export type DiaryView = DiaryPage['view'];

/** The write form as typed. */
export interface EntryValues {
  kind: DiaryEntryBodyInput['kind'];
  visibility: DiaryEntryBodyInput['visibility'];
  title: string;
  body: RichDoc;
}

export const emptyEntry = (): EntryValues => ({ kind: 'activity', visibility: 'private', title: '', body: emptyDoc() });

/** The entry as POST /projects/{id}/diary takes it; the server judges the title (its 400 goes next to the field). */
export const entryBody = (values: EntryValues): WithRichBody<DiaryEntryBodyInput> => ({ kind: values.kind, visibility: values.visibility, title: values.title, body: values.body });

/** An entry's text must say something, and no more than the API takes; checked before sending. */
export const entryTextProblem = (body: RichDoc): DocProblem | undefined => docProblem(body, { maxChars: diaryLimits.body, required: true });

/** The fields of the write form a 400 can name. */
export type EntryField = keyof EntryValues;

/**
 * What a view of the diary may do: the project's teachers ('team') write
 * entries and comment, a partner country's NSS ('nss') answers, any other
 * teacher ('open') reads.
 */
export function diaryRights(view: DiaryView): { write: boolean; reply: 'teacher' | 'nss' | undefined } {
  return { write: view === 'team', reply: view === 'team' ? 'teacher' : view === 'nss' ? 'nss' : undefined };
}

/** Where the back link goes: the TwinSpace for its team, the NSS's inbox of doubts for the NSS, the desktop otherwise. */
export function backTo(view: DiaryView | undefined, projectId: string): { page: 'twinspace'; query: { id: string } } | { page: 'nss/diary' | 'desktop' } {
  if (view === 'team') return { page: 'twinspace', query: { id: projectId } };
  return { page: view === 'nss' ? 'nss/diary' : 'desktop' };
}

/** A reply whose text is only blanks is refused before anything is sent. */
export const replyProblem = (text: string): 'diary.emptyReply' | undefined => (text.trim() ? undefined : 'diary.emptyReply');

export const exportFileName = (projectId: string) => `project-diary-${projectId}.md`;
