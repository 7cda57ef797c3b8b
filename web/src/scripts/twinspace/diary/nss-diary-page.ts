/**
 * The NSS's inbox of doubts, its rules (pure, no DOM): the strings its island
 * (nss-diary-island.tsx) reads and where each doubt is answered: its entry in
 * the project's diary.
 */
import type { MessageKey } from '../../../i18n/index.ts';

/** Every dictionary entry the island reads (rendered into data-strings by the page). */
export const nssDiaryStrings: readonly MessageKey[] = [
  'common.loading',
  'common.busy',
  'common.error',
  'common.sessionExpired',
  'common.unreachable',
  'doubts.title',
  'doubts.none',
  'doubts.more',
  'doubts.answer',
  'doubts.inProject',
  'diary.by',
];

/** The doubt's entry in its project's diary (the diary page focuses it): the query and the fragment. */
export const doubtAddress = (doubt: { projectId: string; entryId: string }) => ({ query: { id: doubt.projectId }, hash: `#entry-${doubt.entryId}` });
