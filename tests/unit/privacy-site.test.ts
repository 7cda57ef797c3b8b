/**
 * The site's side of erasure and export (issue 11): the marker of an erased person is shown in the reader's language
 * ("Former pupil" → "Antiguo alumno"), any real name as it is; the dialog's and the download's strings exist in both
 * dictionaries; the NSS's page that finds a person by username picks every string it and the dialog read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formerName } from '../../functions/domain/former.ts';
import { dictionaries } from '../../web/src/i18n/index.ts';
import { erasureStrings } from '../../web/src/scripts/common/erase-strings.ts';
import { personName } from '../../web/src/scripts/common/person.ts';
import { nssPeopleStrings } from '../../web/src/scripts/nss/nss-people-page.ts';
import { profileStrings } from '../../web/src/scripts/desktop/profile-page.ts';
import { membersStrings } from '../../web/src/scripts/twinspace/members/members-page.ts';

describe('the marker of an erased person', () => {
  it('reads "Former pupil" / "Former teacher" in English and "Antiguo alumno" / "Antiguo docente" in Spanish', () => {
    expect(personName(formerName.pupil, 'en')).toBe('Former pupil');
    expect(personName(formerName.pupil, 'es')).toBe('Antiguo alumno');
    expect(personName(formerName.teacher, 'es')).toBe('Antiguo docente');
  });

  it('leaves every other name as it is, also one that only contains the marker', () => {
    expect(personName('Lucía', 'es')).toBe('Lucía');
    expect(personName('Former pupils club', 'es')).toBe('Former pupils club');
  });
});

describe('the strings of erasure and export', () => {
  it('are picked by the pages that show them, and exist in English and Spanish', () => {
    for (const key of erasureStrings) expect(membersStrings).toContain(key);
    for (const key of ['privacy.exportTitle', 'privacy.exportIntro', 'privacy.exportButton', 'privacy.exportDone', 'common.busy'] as const) expect(profileStrings).toContain(key);
    for (const key of [...erasureStrings, 'privacy.exportButton'] as const) {
      expect(dictionaries.en[key]).toBeTruthy();
      expect(dictionaries.es[key]).toBeTruthy();
      if (key.startsWith('privacy.')) expect(dictionaries.es[key]).not.toBe(dictionaries.en[key]);
    }
  });
});

describe("the NSS's page that finds the person to erase", () => {
  it('picks the dialog\'s strings and every one its island reads, each in English and Spanish', () => {
    for (const key of erasureStrings) expect(nssPeopleStrings).toContain(key);
    const island = readFileSync(new URL('../../web/src/scripts/nss/nss-people-island.tsx', import.meta.url), 'utf8');
    const read = [...island.matchAll(/\bt\('([\w.-]+)'\)/g)].map(([, key]) => key);
    expect(read.length).toBeGreaterThan(5);
    for (const key of read) expect(nssPeopleStrings, key).toContain(key);
    for (const key of nssPeopleStrings) {
      expect(dictionaries.en[key], key).toBeTruthy();
      expect(dictionaries.es[key], key).toBeTruthy();
    }
  });
});
