import { createRequire } from 'node:module';
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode, type MetadataJson } from 'libphonenumber-js/core';
import type { Span } from './types.ts';

/**
 * Phone numbers of the project's countries (read without a prefix) and of any country (with +CC or 00CC), also spaced,
 * split by dots, dashes, slashes, brackets or emoji. This module only cuts candidate digit runs out of the text and
 * sets aside the harmless shapes school talk is full of (dates, times, years, decimals, thousands, ISBNs, counted
 * lists, numbers with a unit, sums); libphonenumber's full metadata ("max": each number type's pattern, stricter than
 * "min", which only checks lengths) decides whether a candidate is a number of that country.
 */
const require = createRequire(import.meta.url);
const metadata = require('libphonenumber-js/metadata.max.json') as MetadataJson;

const supported = new Set<string>(getCountries(metadata));
/** eTwinning's countries: the defaults when a project's countries are not known. */
const eTwinningCountries = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'AL', 'BA', 'IS', 'LI', 'MK', 'NO', 'RS', 'TR', 'ME', 'AM', 'AZ',
  'GE', 'MD', 'UA', 'JO', 'LB', 'TN',
] as const;

/** Shapes that are never a phone number, blanked out before digit runs are cut (same length: offsets stay). */
const unit = String.raw`(?:km|kms|m|cm|mm|kg|mg|ml|cl|ha|°c?|ºc?|%|€|\$|£|eur|euros?|dollars?|pounds?|people|inhabitants|habitantes|habitants|abitanti|einwohner|pupils|students|alumnos|eleves|élèves|alunni|schuler|schüler|years|anos|años|ans|anni|jahre|metres|meters|metros|mètres|metri|meter|points|puntos|punti|punkte|pages|paginas|páginas|pagine|seiten|steps|pasos|passi|schritte|views|likes|km²|m²|m2|km2|kcal|cal|kw|kwh|mb|gb|kb|min|sec|hours|horas|heures|ore|stunden)`;
const harmless = new RegExp(
  [
    // dates: 12/05/2024, 12.05.2024, 12-05-24, 2024-05-12
    String.raw`(?<![\d./-])(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?![./-]?\d)`,
    String.raw`(?<![\d./-])\d{4}([./-])(?:0?[1-9]|1[0-2])\2(?:0?[1-9]|[12]\d|3[01])(?![./-]?\d)`,
    // year ranges and school years: 1939-1945, 1914 - 1918, 2023/24
    String.raw`(?<!\d)(?:1[0-9]|20)\d{2}\s*[-/]\s*(?:(?:1[0-9]|20)\d{2}|\d{2})(?!\d)`,
    // ISBN-13 and anything called ISBN
    String.raw`isbn(?:-1[03])?[\s:]*[\dx][\dx\s-]{8,20}`,
    String.raw`(?<!\d)97[89](?:[\s-]?\d){10}(?!\d)`,
    // thousands ending in 000 (1.500.000, 47,000,000) and decimals (3.14159, 12,5)
    // (not next to another group: "+34 612 000 111", "612 000 111" and "+44 7700 900000" are numbers)
    String.raw`(?<![\d.,+]|[+\d]\s)\d{1,3}(?:([.,\s])\d{3})*(?:\3)000(?![\d.,]\d|\s\d)`,
    String.raw`(?<![\d.,])\d{1,3}[.,]\d+(?![\d.,]*\d)`,
    // a number with a unit or currency: 1500 km, 12.5 °C, 83 000 000 people, € 1 299
    // (bounded: a number is not longer than 20 characters, so a long list of figures is read once, not once per figure)
    String.raw`(?<![\d.,])\d(?:[\d.,']|\s(?=\d)){0,20}\s?${unit}(?![\p{L}\d])`,
    String.raw`[€$£]\s?\d(?:[\d.,']|\s(?=\d)){0,20}`,
  ].join('|'),
  'gu',
);

/** A run of digit groups joined by what pupils put between them (emoji are already spaces). */
// Starts ON a "+", "(" or digit, so spaces are never tried twice (no backtracking over long blanks).
const digitRun = /(?:\+[ \t]*)?(?:\([ \t]*)?\d(?:[ \t.\-/()_|·]{0,4}\d)*/g;
const group = /\d+/g;
/** A figure in a sum ("987654321 x 9 = …") is not a number anyone dials. */
const mathsBefore = /(?:[=+×*÷^<>]|\dx)\s*$|\d\s+x\s+$/;
const mathsAfter = /^\s*(?:[=+×*÷^<>%]|x\s*\d)/;

interface Group {
  digits: string;
  start: number;
  end: number;
}

function isCountedList(groups: Group[]): boolean {
  if (groups.length < 4 || groups.some((g) => g.digits.length > 3)) return false;
  const values = groups.map((g) => Number(g.digits));
  const step = values[1] - values[0];
  return step !== 0 && values.every((v, i) => i === 0 || v - values[i - 1] === step);
}

/** Whether the digits are a valid number: international ones anywhere, national ones of the project's countries. */
function isPhoneNumber(digits: string, international: boolean, countries: readonly CountryCode[]): boolean {
  if (international) {
    // The written +CC/00CC is itself the signal: a possible length for that country counts, valid or not (a new range
    // the metadata does not know yet is still someone's number).
    return digits.length >= 8 && digits.length <= 15 && !!parsePhoneNumberFromString(`+${digits}`, metadata)?.isPossible();
  }
  if (digits.length < 7 || digits.length > 15) return false;
  for (const country of countries) {
    const number = parsePhoneNumberFromString(digits, { defaultCountry: country }, metadata);
    // a number of the same plan counts: a British mobile may be read as Guernsey's (+44 both)
    if (!number?.isValid() || number.countryCallingCode !== getCountryCallingCode(country, metadata)) continue;
    // Where a trunk prefix is part of how people write a number (0 in FR, DE, GB…), a run without it is some other
    // figure (a sum's result), not a number they would share: "246913578" is not French, "0246913578" is.
    const nationalDigits = number.formatNational().replace(/\D/g, '');
    if (nationalDigits.length === digits.length) return true;
  }
  // Country code written without + or 00: "34 612 345 678".
  if (digits.length >= 10) {
    const number = parsePhoneNumberFromString(`+${digits}`, metadata);
    if (number?.isValid() && number.country && countries.includes(number.country)) return true;
  }
  return false;
}

function candidateWindows(groups: Group[], startsInternational: boolean): Array<[number, number]> {
  // The whole run first; then, for a run that glues a number to a figure before it ("room 12 06 12 34 56 78"), the
  // rest of the run from a group that starts as numbers are written: with the trunk 0. Any window of a long list of
  // figures would find some valid number in it ("7 33 45 2 19 8" holds 733452198, a Spanish mobile).
  const windows: Array<[number, number]> = [[0, groups.length - 1]];
  if (startsInternational) return windows;
  for (let i = 1; i < groups.length && windows.length < 4; i++) {
    if (groups[i].digits.startsWith('0')) windows.push([i, groups.length - 1]);
  }
  return windows;
}

/** "7 33 45 2 19 8": figures of a list; a number is written in even groups, or digit by digit, after its first group. */
function isListOfFigures(groups: Group[]): boolean {
  return groups.length >= 4 && groups.slice(1).some((g) => g.digits.length === 1) && groups.slice(1).some((g) => g.digits.length > 1);
}

export function findPhones(lower: string, projectCountries: readonly string[]): Span[] {
  const countries = (projectCountries.length ? projectCountries : eTwinningCountries)
    .map((c) => c.toUpperCase())
    .filter((c): c is CountryCode => supported.has(c));
  const masked = lower.replace(harmless, (m) => 'x'.repeat(m.length));
  const spans: Span[] = [];
  digitRun.lastIndex = 0;
  for (let m = digitRun.exec(masked); m; m = digitRun.exec(masked)) {
    const run = m[0];
    const runStart = m.index;
    if (mathsBefore.test(masked.slice(Math.max(0, runStart - 4), runStart))) continue;
    if (mathsAfter.test(masked.slice(runStart + run.length, runStart + run.length + 4))) continue;
    const groups: Group[] = [];
    group.lastIndex = 0;
    for (let g = group.exec(run); g; g = group.exec(run)) {
      // "+44 (0) 20…": the bracketed trunk 0 is not dialled from abroad.
      if (g[0] === '0' && groups.length === 1 && run[g.index - 1] === '(' && run[g.index + 1] === ')') continue;
      groups.push({ digits: g[0], start: runStart + g.index, end: runStart + g.index + g[0].length });
    }
    const total = groups.reduce((n, g) => n + g.digits.length, 0);
    if (total < 7 || isCountedList(groups)) continue;
    const plus = run.trimStart().startsWith('+');
    const doubleZero = !plus && groups[0].digits.startsWith('00');
    if (!plus && !doubleZero && isListOfFigures(groups)) continue;
    for (const [from, to] of candidateWindows(groups, plus || doubleZero)) {
      let digits = groups.slice(from, to + 1).map((g) => g.digits).join('');
      const international = from === 0 && (plus || doubleZero);
      if (international && doubleZero) digits = digits.slice(2);
      if (isPhoneNumber(digits, international, countries)) {
        // From the run's own "+" or "(" when the whole run is the number.
        const start = from === 0 ? runStart + run.length - run.trimStart().length : groups[from].start;
        spans.push({ kind: 'phone', start, end: groups[to].end });
        break;
      }
    }
  }
  return spans;
}

/** Digits written as words in the partners' languages, read on the folded text ("seis uno dos…", "zéro six…"). */
const digitWords: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
  cero: '0', uno: '1', una: '1', dos: '2', tres: '3', cuatro: '4', cinco: '5', seis: '6', siete: '7', ocho: '8', nueve: '9',
  un: '1', une: '1', deux: '2', trois: '3', quatre: '4', cinq: '5', sept: '7', huit: '8', neuf: '9',
  due: '2', tre: '3', quattro: '4', cinque: '5', sei: '6', sette: '7', otto: '8', nove: '9',
  null: '0', eins: '1', zwei: '2', drei: '3', vier: '4', funf: '5', sechs: '6', sieben: '7', acht: '8', neun: '9',
};
const digitWord = `(?:${Object.keys(digitWords).join('|')}|\\d)`;
/** Seven or more digits in a row, each a word or a figure, apart by spaces, commas or dashes. */
const spelledRun = new RegExp(String.raw`(?<![\p{L}\d])${digitWord}(?:[\s,.\-]{1,3}${digitWord}){6,}(?![\p{L}\d])`, 'gu');

export function findSpelledPhones(folded: string, projectCountries: readonly string[]): Span[] {
  const countries = (projectCountries.length ? projectCountries : eTwinningCountries)
    .map((c) => c.toUpperCase())
    .filter((c): c is CountryCode => supported.has(c));
  const spans: Span[] = [];
  spelledRun.lastIndex = 0;
  for (let m = spelledRun.exec(folded); m; m = spelledRun.exec(folded)) {
    const parts = m[0].split(/[\s,.\-]+/).filter(Boolean);
    // figures alone are the other detector's; "one two three four five six seven" is counting
    if (parts.every((p) => /^\d$/.test(p))) continue;
    const digits = parts.map((p) => digitWords[p] ?? p).join('');
    const groups = [...digits].map((d, i) => ({ digits: d, start: i, end: i + 1 }));
    if (isCountedList(groups)) continue;
    if (isPhoneNumber(digits, false, countries)) spans.push({ kind: 'phone', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
