/**
 * The guard (issue 12, point 1): insults and sexual words from the maintained `naughty-words` lists in English,
 * Spanish, French, Italian and German, as whole words or phrases, also lightly disguised — and the ordinary words of
 * other languages the lists would otherwise catch.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { guardPupilText, type GuardContext } from '../../functions/domain/pupil-guard/index.ts';

const context: GuardContext = { countries: ['ES', 'FR', 'IT', 'DE'], otherPupilSurnames: [], allowAccountLinks: false, allowHandles: false };

function found(text: string): Array<[string, string]> {
  return guardPupilText(text, context).map((f) => [f.kind, text.slice(f.start, f.end)]);
}

describe('words from the lists', () => {
  it.each([
    ['you are a bitch', 'bitch'],
    ['eres un gilipollas', 'gilipollas'],
    ['hijo de puta', 'hijo de puta'],
    ['t’es un connard', 'connard'],
    ['che stronzo', 'stronzo'],
    ['Du Arschloch!', 'Arschloch'],
    ['SCHEISSE', 'SCHEISSE'],
    ['scheiße', 'scheiße'],
    ['eres un cabron', 'cabron'],
    ['coño', 'coño'],
    ['🖕', '🖕'],
  ])('finds %j', (text, slice) => {
    expect(found(text)).toEqual([['abuse', slice]]);
  });

  it.each([
    ['sh1t', 'sh1t'],
    ['a55hole', 'a55hole'],
    ['b!tch', 'b!tch'],
    ['@ss', '@ss'],
    ['f*ck', 'f*ck'],
    ['sh**', 'sh**'],
    ['fuuuuck', 'fuuuuck'],
    ['puuuuta', 'puuuuta'],
    ['f u c k you', 'f u c k'],
    ['p.u.t.a', 'p.u.t.a'],
    ['*shit*', 'shit'],
    ['fucked', 'fucked'],
    ['pendejos', 'pendejos'],
    ['what a wanker', 'wanker'],
    ['que te follen', 'follen'],
    ['va te faire enc*ler', 'enc*ler'],
    ['er fickt', 'fickt'],
    ["you're a dickhead", 'dickhead'],
    ['sei una troia', 'troia'],
  ])('sees through the disguise in %j', (text, slice) => {
    expect(found(text)).toEqual([['abuse', slice]]);
  });

  it('reads every entry of the five lists (the words come from the package, not from here)', () => {
    const require = createRequire(import.meta.url);
    for (const lang of ['en', 'es', 'fr', 'it', 'de']) {
      const list = require(`naughty-words/${lang}.json`) as string[];
      expect(list.length).toBeGreaterThan(50);
    }
    // a sample of each, as the list spells it
    for (const word of ['motherfucker', 'Gilipollas', 'enculé', 'vaffanculo', 'Hurensohn']) {
      expect(found(word)).toEqual([['abuse', word]]);
    }
  });

  it.each([
    'the class assignment',
    'as well as',
    'we baked a butter cake',
    'café con leche',
    'bitte schön',
    'a blue tit in the garden',
    'el Mar Negro',
    'la guerra di Troia',
    'we read Giovanni Verga',
    '¡qué mona es tu perrita!',
    'a cocker spaniel ate the butter',
    'ein dickes Buch, bitte',
    'la folla e lo scopo',
    'we live in a cul-de-sac',
    'the rooster says cock-a-doodle-doo',
    'Pussy cat, pussy cat, where have you been?',
    'Peter is here',
    'the cone is a cono',
    'love you xx',
    'the Scunthorpe team',
    'una spagnola e un pesce',
    'it costs 5 € and 55 cents',
    'Spanish lessons in 2024',
  ])('leaves %j alone', (text) => {
    expect(found(text)).toEqual([]);
  });
});
