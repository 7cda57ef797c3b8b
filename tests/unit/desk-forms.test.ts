/**
 * The desktop forms' rules (web/src/scripts/desktop/profile-page.ts, school-page.ts, desk-rules.ts),
 * pure: a profile save carries the version it read; the display name is
 * required; pupils' ages are both or neither, 3 to 19, the first not above
 * the second; lists are comma-separated; only a teacher sends the partner
 * profile; a country is a two-letter code; a school needs a name and a
 * city, is registered with its country and edited with its version; partner
 * search's filters come from the address and go to the API as it takes them.
 */
import { describe, expect, it } from 'vitest';
import { ageRange, countryCode, isAgeText, listOf } from '../../web/src/scripts/desktop/desk-rules.ts';
import { filtersOf, partnerQuery } from '../../web/src/scripts/desktop/partners-page.ts';
import { createBody, updateBody } from '../../web/src/scripts/desktop/school-page.ts';
import { profileBody, profileValues, type ProfileValues } from '../../web/src/scripts/desktop/profile-page.ts';

const typed: ProfileValues = {
  displayName: ' Ana García ',
  openToPartnership: true,
  subjects: 'science, , geography',
  languages: 'EN, es',
  agesMin: '11',
  agesMax: '14',
  about: ' Rivers. ',
  notificationMail: 'instant',
};

describe('profileBody', () => {
  it("gives a teacher's whole profile with the version it read, trimmed, languages in lower case", () => {
    expect(profileBody(typed, 7, true)).toEqual({
      body: {
        version: 7,
        displayName: 'Ana García',
        notificationMail: 'instant',
        openToPartnership: true,
        subjects: ['science', 'geography'],
        languages: ['en', 'es'],
        ages: { min: 11, max: 14 },
        about: 'Rivers.',
      },
    });
  });
  it('sends no ages when both are empty', () => {
    const checked = profileBody({ ...typed, agesMin: '', agesMax: '' }, 1, true);
    expect('body' in checked && !('ages' in checked.body)).toBe(true);
  });
  it('sends only the display name and the e-mail preference for anyone but a teacher', () => {
    expect(profileBody(typed, 2, false)).toEqual({ body: { version: 2, displayName: 'Ana García', notificationMail: 'instant' } });
  });
  it('marks an empty name and wrong ages', () => {
    expect(profileBody({ ...typed, displayName: '  ', agesMin: '15' }, 1, true)).toEqual({ problems: { displayName: 'desk.required', ages: 'desk.agesInvalid' } });
    expect(profileBody({ ...typed, displayName: '\u200B\u3164' }, 1, true)).toEqual({ problems: { displayName: 'desk.required' } });
    expect(profileBody({ ...typed, agesMax: '' }, 1, true)).toEqual({ problems: { ages: 'desk.agesInvalid' } });
  });
  it('round-trips what the API answers', () => {
    expect(profileValues({ displayName: 'Luc', version: 3, subjects: ['geography'], ages: { min: 11, max: 14 } } as Parameters<typeof profileValues>[0])).toEqual({
      displayName: 'Luc',
      openToPartnership: false,
      subjects: 'geography',
      languages: '',
      agesMin: '11',
      agesMax: '14',
      about: '',
      notificationMail: 'daily',
    });
  });
});

describe('desk rules', () => {
  it('ages are whole numbers from 3 to 19', () => {
    expect(['3', '19', '12'].every(isAgeText)).toBe(true);
    expect(['2', '20', '12.5', '', 'ten'].some(isAgeText)).toBe(false);
    expect(ageRange('', '')).toBeUndefined();
    expect(ageRange('10', '9')).toBeNull();
    expect(ageRange('9', '10')).toEqual({ min: 9, max: 10 });
  });
  it('lists drop empty entries; country codes are two letters, upper case', () => {
    expect(listOf(' a ,, b,')).toEqual(['a', 'b']);
    expect(countryCode(' fr ')).toBe('FR');
    expect(countryCode('FRA')).toBeNull();
    expect(countryCode('')).toBeNull();
  });
});

describe('school forms', () => {
  const school = { name: ' IES Río Ebro ', city: ' Zaragoza ', country: 'es', about: '' };
  it('registers a school with its country in upper case, about only when written', () => {
    expect(createBody(school)).toEqual({ body: { name: 'IES Río Ebro', city: 'Zaragoza', country: 'ES' } });
    expect(createBody({ ...school, about: ' Near the river. ' })).toEqual({ body: { name: 'IES Río Ebro', city: 'Zaragoza', country: 'ES', about: 'Near the river.' } });
  });
  it('marks a missing name or city and a country that is no two-letter code', () => {
    expect(createBody({ name: '', city: ' ', country: 'Spain', about: '' })).toEqual({ problems: { name: 'desk.required', city: 'desk.required', country: 'desk.countryInvalid' } });
    expect(updateBody({ ...school, name: ' ' }, 4)).toEqual({ problems: { name: 'desk.required' } });
    // Invisible characters alone are no name, as the API says (functions/domain/visible-text.ts).
    expect(updateBody({ ...school, name: '\u200B\u2060' }, 4)).toEqual({ problems: { name: 'desk.required' } });
  });
  it('edits with the version it read, never the country', () => {
    expect(updateBody(school, 4)).toEqual({ body: { version: 4, name: 'IES Río Ebro', city: 'Zaragoza', about: '' } });
  });
});

describe('partner search filters', () => {
  it('reads the filters from the address, only when it names one', () => {
    expect(filtersOf('')).toBeUndefined();
    expect(filtersOf('?other=1')).toBeUndefined();
    expect(filtersOf('?country=FR&age=12')).toEqual({ country: 'FR', subject: '', age: '12', language: '' });
  });
  it('gives only the filters given, the country in upper case and the language in lower case', () => {
    expect(partnerQuery({ country: 'fr', subject: ' geography ', age: '', language: 'EN' })).toEqual({ query: { country: 'FR', subject: 'geography', language: 'en' } });
    expect(partnerQuery({ country: '', subject: '', age: '', language: '' })).toEqual({ query: {} });
  });
  it('marks a country that is no two-letter code and an age outside 3 to 19', () => {
    expect(partnerQuery({ country: 'France', subject: '', age: '25', language: '' })).toEqual({ problems: { country: 'desk.countryInvalid', age: 'desk.ageInvalid' } });
  });
});
