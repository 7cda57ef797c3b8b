/**
 * The Project Diary page's rules (web/src/scripts/twinspace/diary/diary-page.ts), pure.
 * Expected outcomes from DOMAIN.md ("Project Diary") and API.md: the
 * project's teachers write and comment, a partner country's NSS answers,
 * other teachers read; the form offers exactly the API's kinds and visibilities.
 */
import { describe, expect, it } from 'vitest';
import { diaryKinds, diaryLimits, diaryVisibilities } from '../../functions/domain/diary.ts';
import { plainToDoc } from '../../functions/domain/rich-text.ts';
import { backTo, diaryRights, emptyEntry, entryBody, entryKinds, entryTextProblem, entryVisibilities, exportFileName, replyProblem } from '../../web/src/scripts/twinspace/diary/diary-page.ts';
import { doubtAddress } from '../../web/src/scripts/twinspace/diary/nss-diary-page.ts';

describe('the diary page', () => {
  it('offers every kind and visibility of the domain, private by default', () => {
    expect([...entryKinds].sort()).toEqual([...diaryKinds].sort());
    expect([...entryVisibilities].sort()).toEqual([...diaryVisibilities].sort());
    expect(emptyEntry().visibility).toBe('private');
    expect(entryBody({ ...emptyEntry(), kind: 'doubt', title: 'T', body: plainToDoc('B') })).toEqual({ kind: 'doubt', visibility: 'private', title: 'T', body: plainToDoc('B') });
  });
  it('asks for a text before sending, and no longer than an entry holds', () => {
    expect(entryTextProblem(emptyEntry().body)).toEqual({ key: 'richEditor.empty' });
    expect(entryTextProblem(plainToDoc('We met.'))).toBeUndefined();
    expect(entryTextProblem(plainToDoc('x'.repeat(diaryLimits.body + 1)))).toMatchObject({ key: 'richEditor.tooLong' });
  });
  it('lets the team write and comment, the NSS answer, other teachers only read', () => {
    expect(diaryRights('team')).toEqual({ write: true, reply: 'teacher' });
    expect(diaryRights('nss')).toEqual({ write: false, reply: 'nss' });
    expect(diaryRights('open')).toEqual({ write: false, reply: undefined });
  });
  it('goes back to the TwinSpace, the NSS inbox or the desktop', () => {
    expect(backTo('team', 'P1')).toEqual({ page: 'twinspace', query: { id: 'P1' } });
    expect(backTo('nss', 'P1')).toEqual({ page: 'nss/diary' });
    expect(backTo(undefined, 'P1')).toEqual({ page: 'desktop' });
  });
  it('refuses a blank reply before sending, names the export, and links a doubt to its entry', () => {
    expect(replyProblem('  \n')).toBe('diary.emptyReply');
    expect(replyProblem('Thanks')).toBeUndefined();
    expect(exportFileName('P1')).toBe('project-diary-P1.md');
    expect(doubtAddress({ projectId: 'P1', entryId: 'E1' })).toEqual({ query: { id: 'P1' }, hash: '#entry-E1' });
  });
});
