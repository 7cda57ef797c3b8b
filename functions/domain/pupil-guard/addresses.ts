import type { NormalisedText } from './normalise.ts';
import type { Span } from './types.ts';

/**
 * Street addresses WITH a house number in English, Spanish, French, Italian and German ("10 Downing Street",
 * "calle Mayor 5", "c/ Alcalá nº 23", "12 bis rue de Rivoli", "Via Roma, 12", "Hauptstraße 5") and postcodes next to a
 * town ("28013 Madrid", "75011 Paris", "D-10115 Berlin", "SW1A 1AA"). Read on the folded text (Straße is "strasse").
 *
 * A street without a number is harmless ("we walked along the Rue de Rivoli", "our school is on Calle Mayor"), and so
 * is a number that is a time, a count or a measure ("we walked down Calle Mayor 3 times", "Platz 3" in a contest).
 */
const word = String.raw`[\p{L}][\p{L}'’-]*`;
/** The number on the door: 5, 12b, 12 bis, 7-9 (no year, no decimal, no time, no ordinal "2nd"). */
const houseNumber = String.raw`\d{1,3}(?:\s?[a-z](?![\p{L}]))?(?:\s?(?:bis|ter))?(?![\p{L}\d]|[.,:/]\d)`;
const numberSign = String.raw`(?:n\s?[o°.]\s?|num\.?\s?|numero\s|nr\.?\s?|#\s?)?`;

const typeFirst = [
  // es
  'calle', 'c/', 'c\\.', 'cl\\.', 'avenida', 'avda\\.?', 'av\\.', 'plaza', 'pza\\.?', 'paseo', 'camino', 'carretera',
  'ctra\\.?', 'travesia', 'glorieta', 'pasaje', 'rambla',
  // it
  'via', 'viale', 'strada', 'piazza', 'p\\.za', 'p\\.zza', 'corso', 'vicolo', 'largo', 'piazzale', 'lungomare', 'contrada',
  // fr, when the number comes after ("rue de Rivoli, 12")
  'rue', 'avenue', 'boulevard', 'bd', 'chemin', 'impasse', 'allee', 'quai',
]
  // a whole word ("plazas 3" is not "plaza s 3"); "c/" and "avda." end in their own mark
  .map((t) => (/[\p{L}]$/u.test(t) ? `${t}(?![\\p{L}])` : t))
  .join('|');
const frenchTypes = 'rue|avenue|av\\.?|boulevard|bd|bld|place|pl\\.|chemin|impasse|allee|quai|route|square|passage';
const englishTypes = 'street|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|ln\\.?|terrace|crescent|boulevard|blvd\\.?';
const germanTypes = 'strasse|str\\.|gasse|allee|damm|ufer|weg|platz';

const addressPattern = new RegExp(
  [
    // calle Mayor 5 · Via Roma, 12 · c/ Alcalá nº 23 · Avenida de la Constitución 14
    String.raw`(?<![\p{L}])(?:${typeFirst})\s*(?<name1>${word}(?:\s+${word}){0,4}?)\s*,?\s*${numberSign}${houseNumber}`,
    // nº 8 de la calle San Miguel · n. 5 di via Roma
    String.raw`(?<![\p{L}])(?:n\s?[o°.]|num\.?|numero)\s?${houseNumber}\s+(?:(?:de\s+la|del|de|della|di|in)\s+)?(?:${typeFirst})\s*(?<name4>${word}(?:\s+${word})?)`,
    // 12 rue de Rivoli · 5 bis avenue Foch · 3, place de la Concorde
    String.raw`(?<![\p{L}\d.,])${houseNumber},?\s+(?:${frenchTypes})\s+(?<name2>(?:(?:de\s+la|de|du|des|la|le|les)\s+|d'|l')?${word})`,
    // 10 Downing Street · 221b Baker Street
    String.raw`(?<![\p{L}\d.,])\d{1,4}[a-z]?\s+(?<name3>${word}(?:\s+${word}){0,2}?)\s+(?:${englishTypes})(?![\p{L}])`,
    // Hauptstraße 5 · Goetheweg 12 · Berliner Straße 12 (a separate "Platz"/"Weg" needs its name joined: "Platz 3" is a rank)
    String.raw`(?<![\p{L}])(?:${word}(?:${germanTypes})|(?:${word}er\s+)?(?:strasse|str\.|gasse|allee))\s*,?\s*${numberSign}${houseNumber}`,
  ].join('|'),
  'gu',
);

/** Postcodes: 5 digits (ES, FR, IT, DE…), with a country letter (D-10115, A-1010), NL, PT, PL; the UK's own. */
const postcodePattern = new RegExp(
  [
    String.raw`(?<![\p{L}\d.,-])(?:(?:[a-z]{1,2}-)?\d{5}|[a-z]{1,2}-\d{4}|\d{4}-\d{3}|\d{2}-\d{3})\s+(?<town>${word}(?:[\s-]${word})?)`,
    String.raw`(?<![\p{L}\d])[a-z]{1,2}\d[a-z\d]?\s?\d(?!st|nd|rd|th|am|pm)[abd-hjlnp-uw-z]{2}(?![\p{L}\d])`,
  ].join('|'),
  'gu',
);

/** Words that are never part of a street's name between its type and its number: a sentence goes on instead. */
const notInAName = new Set([
  'is', 'was', 'are', 'were', 'be', 'in', 'on', 'at', 'to', 'with', 'and', 'or', 'but', 'for', 'from', 'the', 'a', 'an',
  'es', 'fue', 'era', 'son', 'en', 'con', 'y', 'o', 'pero', 'para', 'por', 'que', 'hay', 'tiene', 'un', 'una',
  'est', 'etait', 'sont', 'avec', 'et', 'ou', 'mais', 'pour', 'qui', 'dans', 'il', 'elle', 'on', 'nous', 'une',
  'e', 'ed', 'sono', 'ma', 'per', 'che', 'ha', 'hanno', 'uno',
  'ist', 'war', 'sind', 'mit', 'und', 'oder', 'aber', 'fur', 'dass', 'ein', 'eine', 'hat',
  'we', 'i', 'you', 'he', 'she', 'they', 'my', 'our', 'your', 'his', 'her', 'their', 'this', 'that', 'these', 'those',
  'nosotros', 'yo', 'mi', 'nuestra', 'nuestro', 'je', 'nous', 'notre', 'ma', 'mon', 'noi', 'io', 'nostra', 'nostro',
  'wir', 'ich', 'unsere', 'unser', 'about', 'around', 'near', 'cerca', 'pres', 'vicino', 'nahe', 'walked', 'along',
]);
/** After a number: a count or a measure, not a door. */
const countAfter = /^\s*(?:times|veces|vez|fois|volte|volta|mal|minutes?|minutos?|minuti|min|hours?|horas?|heures?|ore|stunden?|km|kms|metres?|meters?|metros?|metri|m|years?|anos|ans|anni|jahre|days?|dias|jours|giorni|tage|%|°)(?![\p{L}])/u;
/** Counted things a capitalised word may be after five digits (German capitalises every noun). */
const notATown = new Set([
  'menschen', 'einwohner', 'leute', 'schuler', 'kinder', 'personen', 'besucher', 'zuschauer', 'fans', 'euro', 'euros',
  'kilometer', 'meter', 'jahre', 'tiere', 'baume', 'vogel', 'punkte', 'bucher', 'seiten', 'schritte', 'stuck', 'dollar',
  'people', 'pupils', 'students', 'visitors', 'years', 'steps', 'points', 'km', 'personas', 'habitantes', 'alumnos',
  'anos', 'pasos', 'puntos', 'personnes', 'habitants', 'eleves', 'ans', 'pas', 'points', 'persone', 'abitanti', 'alunni',
  'anni', 'passi', 'punti', 'likes', 'views',
]);

/** Words that join a street's name ("Calle DE LA Paz") but are not one. */
const connectors = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'di', 'della', 'delle', 'dei', 'degli', 'du', 'des', 'le', 'les', "d'", "l'", 'von', 'der', 'dem', 'of', 'the']);
/** Types that are also everyday words ("il corso di italiano 2", a course; "un camino", a path): their name needs a capital. */
const everydayTypes = /^(?:corso|largo|camino|via|paseo|strada)\b/;

function isStreetName(m: RegExpExecArray, name: string, n: NormalisedText, text: string): boolean {
  const words = name.split(/\s+/);
  if (words.some((w) => notInAName.has(w))) return false;
  if (words.every((w) => connectors.has(w))) return false;
  if (!everydayTypes.test(m[0]) || m.groups?.name1 === undefined) return true;
  const nameStart = m.index + m[0].indexOf(name, m[0].search(/\s|\//));
  let at = nameStart;
  // "Via dell'Indipendenza": the capital may follow an apostrophe
  return words.some((w) => {
    const written = text.slice(n.foldedStart[at], n.foldedEnd[at + w.length - 1]);
    at += w.length + 1;
    return !connectors.has(w) && /\p{Lu}/u.test(written);
  });
}

/** The end of the capitalised words (at most three) that follow `end`: "rue Victor| Hugo à Lyon" ends after "Hugo". */
function capitalisedWordsAfter(folded: string, end: number, n: NormalisedText, text: string): number {
  const next = /^[\s-]+([\p{L}'’-]+)/u;
  for (let i = 0; i < 3; i++) {
    const m = next.exec(folded.slice(end, end + 40));
    const first = m ? text[n.foldedStart[end + m[0].length - m[1].length]] ?? '' : '';
    if (!m || first === first.toLowerCase()) break;
    end += m[0].length;
  }
  return end;
}

/** The words that name a postcode just before one, in the five languages: "cp", "code postal", "CAP", "PLZ", "postcode"… */
const postcodeNamed = /(?:\bc\.?\s?p\.?|codigo postal|code postal|\bcap|\bplz|postleitzahl|post\s?code|\bzip(?:\s?code)?)\s*(?:es|is|est|e|ist|:)?\s*$/;

export function findAddresses(n: NormalisedText, text: string): Span[] {
  const folded = n.folded;
  const spans: Span[] = [];
  addressPattern.lastIndex = 0;
  for (let m = addressPattern.exec(folded); m; m = addressPattern.exec(folded)) {
    const name = m.groups?.name1 ?? m.groups?.name2 ?? m.groups?.name3 ?? m.groups?.name4;
    let end = m.index + m[0].length;
    if (name !== undefined && !isStreetName(m, name, n, text)) {
      addressPattern.lastIndex = m.index + 1;
      continue;
    }
    if (countAfter.test(folded.slice(end, end + 12))) continue;
    // "7 bis, rue Victor Hugo": the French name goes on while its words are written with a capital
    if (m.groups?.name2 !== undefined) end = capitalisedWordsAfter(folded, end, n, text);
    spans.push({ kind: 'address', start: m.index, end });
  }
  postcodePattern.lastIndex = 0;
  for (let m = postcodePattern.exec(folded); m; m = postcodePattern.exec(folded)) {
    const town = m.groups?.town;
    if (town !== undefined) {
      const townStart = m.index + m[0].length - town.length;
      // A town is written with a capital; a counted noun after a number is not a town.
      const first = text[n.foldedStart[townStart]] ?? '';
      const townEnd = m.index + m[0].length;
      // Pupils write towns in lower case too ("28013 madrid"), but so are the nouns they count ("I walked 12435
      // steps."): a lower-case town counts only where the words say it is an address — a street with its number just
      // before it, or the postcode named ("mi cp es 41001 sevilla").
      const endsText = /^\s*(?:$|[,.!?;)\n])/.test(folded.slice(townEnd, townEnd + 2));
      const lowerTown =
        first === first.toLowerCase() &&
        (postcodeNamed.test(folded.slice(Math.max(0, m.index - 30), m.index)) ||
          spans.some((s) => s.end <= m!.index && /^[\s,]{0,3}$/.test(folded.slice(s.end, m!.index))));
      if ((first === first.toLowerCase() && !lowerTown) || notATown.has(town.split(/[\s-]/)[0])) {
        postcodePattern.lastIndex = m.index + 1;
        continue;
      }
      // Only the first word of a town is sure to be its name: "28013 Madrid is big" keeps "28013 Madrid".
      const firstWordEnd = townStart + town.split(/[\s-]/)[0].length;
      const secondCapital = town.includes(' ') || town.includes('-') ? text[n.foldedStart[firstWordEnd + 1]] ?? '' : '';
      const end = (lowerTown && endsText) || (secondCapital && secondCapital !== secondCapital.toLowerCase()) ? townEnd : firstWordEnd;
      spans.push({ kind: 'address', start: m.index, end });
      continue;
    }
    spans.push({ kind: 'address', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
