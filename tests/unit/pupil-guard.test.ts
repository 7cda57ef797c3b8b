/**
 * The guard on what pupils write (issue 12, point 1): e-mail addresses (also disguised) and phone numbers of the
 * project's countries (also spaced or split), each with its kind and the exact slice a teacher sees highlighted; and
 * the harmless numbers school talk is full of (point 4's "we measured 12.5 °C at 10:30", dates, years, distances,
 * scores, ISBNs, room numbers) left alone.
 */
import { describe, expect, it } from 'vitest';
import { alwaysHeldKinds, findingKinds, guardPupilText, type GuardContext } from '../../functions/domain/pupil-guard/index.ts';

const context: GuardContext = { countries: ['ES', 'FR', 'IT', 'DE'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false };

/** What the guard found, as [kind, the text's own slice]. */
function found(text: string, ctx: GuardContext = context): Array<[string, string]> {
  return guardPupilText(text, ctx).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('the guard’s contract', () => {
  it('names the six kinds and holds e-mail, phone and address whatever the settings say', () => {
    expect([...findingKinds]).toEqual(['email', 'phone', 'account', 'address', 'surname', 'abuse']);
    expect([...alwaysHeldKinds].sort()).toEqual(['address', 'email', 'phone']);
  });

  it('finds nothing in an empty or ordinary text', () => {
    expect(found('')).toEqual([]);
    expect(found('Hello! Today we planted tomatoes in the school garden.')).toEqual([]);
  });

  it('returns findings sorted by start, without overlaps, as offsets into the text as given', () => {
    const text = 'Ｍｙ mail: ana@gmail.com — phone 612 345 678 🙂';
    const findings = guardPupilText(text, context);
    expect(findings.map((f) => f.kind)).toEqual(['email', 'phone']);
    for (let i = 1; i < findings.length; i++) expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
    expect(found(text)).toEqual([['email', 'ana@gmail.com'], ['phone', '612 345 678']]);
  });

  it('is pure: the same text and context give the same findings', () => {
    const text = 'ana dot lopez at gmail dot com';
    expect(guardPupilText(text, context)).toEqual(guardPupilText(text, context));
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['write to ana.lopez@gmail.com please', 'ana.lopez@gmail.com'],
    ['my mail ana_23@hotmail.es', 'ana_23@hotmail.es'],
    ['ana@gmail', 'ana@gmail'],
    ['it is ana dot lopez at gmail dot com', 'ana dot lopez at gmail dot com'],
    ['ana (at) gmail . com', 'ana (at) gmail . com'],
    ['ana[at]gmail[dot]com', 'ana[at]gmail[dot]com'],
    ['ana @ gmail.com', 'ana @ gmail.com'],
    ['escríbeme: ana arroba gmail punto com', 'ana arroba gmail punto com'],
    ['marie arobase orange point fr', 'marie arobase orange point fr'],
    ['giulia chiocciola libero punto it', 'giulia chiocciola libero punto it'],
    ['lena ät gmx punkt de', 'lena ät gmx punkt de'],
    ['ANA.LOPEZ@GMAIL.COM', 'ANA.LOPEZ@GMAIL.COM'],
    ['ａｎａ＠ｇｍａｉｌ．ｃｏｍ', 'ａｎａ＠ｇｍａｉｌ．ｃｏｍ'],
    ['ana\u200B@\u200Bgmail.com', 'ana\u200B@\u200Bgmail.com'],
    ['write to a n a @ g m a i l . c o m', 'a n a @ g m a i l . c o m'],
  ])('finds %j', (text, slice) => {
    expect(found(text)).toEqual([['email', slice]]);
  });

  it.each([
    'I was at paris. it was great',
    'find it at bbc.co.uk',
    'we met at the museum at 10.30',
    'look at the point of the pencil',
    '@ana see you tomorrow',
    'Rome is at 41.9 degrees north',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['my number is 612 345 678', '612 345 678'],
    ['call +34 612-345-678', '+34 612-345-678'],
    ['0034 612345678', '0034 612345678'],
    ['34 612 345 678', '34 612 345 678'],
    ['mon portable 06 12 34 56 78', '06 12 34 56 78'],
    ['06.12.34.56.78', '06.12.34.56.78'],
    ['+33 6 12 34 56 78', '+33 6 12 34 56 78'],
    ['0151 23456789', '0151 23456789'],
    ['+49 (0) 151 23456789', '+49 (0) 151 23456789'],
    ['347 123 4567', '347 123 4567'],
    ['6 1 2 3 4 5 6 7 8', '6 1 2 3 4 5 6 7 8'],
    ['612🔥345🔥678', '612🔥345🔥678'],
    ['6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣', '6️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣8️⃣'],
    ['６１２３４５６７８', '６１２３４５６７８'],
    ['612/34/56/78', '612/34/56/78'],
    ['(612) 345 678', '(612) 345 678'],
    ['room 12 06 12 34 56 78', '06 12 34 56 78'],
    ['612-34-56-78', '612-34-56-78'],
  ])('finds %j', (text, slice) => {
    expect(found(text)).toEqual([['phone', slice]]);
  });

  it.each([
    ['my number is six one two three four five six seven eight', 'six one two three four five six seven eight'],
    ['mi número es seis uno dos, tres cuatro cinco, seis siete ocho', 'seis uno dos, tres cuatro cinco, seis siete ocho'],
    ['null eins fünf eins zwei drei vier fünf sechs sieben acht neun', 'null eins fünf eins zwei drei vier fünf sechs sieben acht neun'],
  ])('finds digits spelled as words in %j', (text, slice) => {
    expect(found(text)).toEqual([['phone', slice]]);
  });

  it('reads a British mobile as British in a project with the United Kingdom (its plan is shared with Guernsey)', () => {
    expect(found('my phone is 07911 123456', { ...context, countries: ['GB', 'IE'] })).toEqual([['phone', '07911 123456']]);
  });

  it('reads a number of another country only with its prefix', () => {
    const polish = '512 345 678';
    expect(found(`zadzwoń ${polish}`, { ...context, countries: ['PL'] })).toEqual([['phone', polish]]);
    expect(found('+48 512 345 678')).toEqual([['phone', '+48 512 345 678']]);
    expect(found('0048 512 345 678')).toEqual([['phone', '0048 512 345 678']]);
  });

  it.each([
    'we measured 12.5 °C at 10:30',
    'on 12/05/2024, on 2024-05-12 and on 12.05.2024',
    'Columbus sailed in 1492; the war lasted 1939-1945',
    'the school year 2023/24',
    'we walked 1500 km',
    'the score was 3-2, then 10 - 8',
    'ISBN 978-3-16-148410-0',
    'the book 9781234567897 is in the library',
    'room 204, page 87, bus 27',
    'it costs € 1.299,99 or 1299 euros',
    '3/4 of 12 is 9',
    '123456789 x 2 = 246913578',
    'Madrid has 3.223.000 inhabitants, Spain 47 000 000 people',
    '1 2 3 4 5 6 7 8 9 10',
    'pi is 3.14159265358979',
    'it is 10.30 and the train leaves at 11:45',
    'me ha salido 987654321 x 9 = 8888888889',
    'our data: 7 33 45 2 19 8',
    'one two three four five six seven eight nine, ready!',
    'uno, due, tre, quattro, cinque, sei, sette: contiamo!',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });

  // The issue: a number with its country's prefix is a phone even where the metadata knows no such range yet (a new
  // range is someone's number all the same); the written +CC or 00CC is the signal, the length that country's.
  it.each([
    ['call me on +34 612 000 111', '+34 612 000 111'],
    ['call me on 0034 612 000 111', '0034 612 000 111'],
    ['text me +44 7700 900000', '+44 7700 900000'],
    ['mi número es 612 000 111', '612 000 111'],
  ])('finds the number with a prefix, or with a group of 000 inside, in %j', (text, slice) => {
    expect(found(text)).toEqual([['phone', slice]]);
  });

  it.each([
    'the temperature went from +12 to +15',
    '+12 345 678 points for our team',
    'the order number is 00123456789',
    'Spain had 47 000 000 people and France 68 000 000',
    'between 2 000 and 3 000 people came',
  ])('leaves %j alone (no country length after a "+", or round figures)', (text) => {
    expect(found(text)).toEqual([]);
  });
});
