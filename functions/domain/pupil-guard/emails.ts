import type { Span } from './types.ts';

/**
 * E-mail addresses, written plainly or disguised: "ana.lopez@gmail.com", "ana@gmail", "ana (at) gmail . com",
 * "ana dot lopez at gmail dot com", Spanish "arroba"/"punto", French "arobase"/"point", Italian "chiocciola"/"punto",
 * German "ät"/"punkt" (read on the accent-folded text, so "ät" is "at").
 *
 * The bare English word "at" is everywhere in school talk ("find it at bbc.co.uk", "we met at the museum"), so after
 * it only a mail provider's name counts; the unmistakable forms (@, (at), [at], arroba…) take any domain with a
 * top-level domain.
 */
const providers = [
  'gmail', 'googlemail', 'hotmail', 'outlook', 'yahoo', 'ymail', 'icloud', 'gmx', 'web', 'protonmail', 'proton',
  'libero', 'virgilio', 'tiscali', 'alice', 'wanadoo', 'orange', 'free', 'laposte', 'sfr', 'aol', 'msn', 'live',
  'yandex', 't-online', 'freenet', 'posteo', 'telefonica', 'movistar', 'terra', 'educa', 'edu', 'mail',
].join('|');
/** Providers that are also ordinary words: after "at" they need a top-level domain ("at web dot de"). */
const providersAlone = [
  'gmail', 'googlemail', 'hotmail', 'outlook', 'yahoo', 'ymail', 'icloud', 'gmx', 'protonmail', 'libero', 'virgilio',
  'tiscali', 'wanadoo', 'laposte', 'msn', 'aol', 'yandex', 't-online', 'posteo',
].join('|');
const tlds = [
  'com', 'net', 'org', 'edu', 'gov', 'info', 'eu', 'es', 'fr', 'it', 'de', 'uk', 'co', 'be', 'nl', 'pt', 'pl', 'at',
  'ch', 'gr', 'ro', 'ie', 'se', 'dk', 'fi', 'no', 'cz', 'sk', 'hu', 'si', 'hr', 'bg', 'lt', 'lv', 'ee', 'lu', 'mt',
  'cy', 'is', 'tr', 'al', 'mk', 'rs', 'me', 'ba', 'ua', 'md', 'ge', 'am', 'az', 'tn', 'jo', 'lb', 'ma', 'eg', 'dz',
  'cat', 'eus', 'gal', 'io', 'us', 'ca', 'ru', 'li',
].join('|');

const atWords = 'arroba|arobase|chiocciola|chiocc?iola|klammeraffe|at';
/** "@", "(at)", "[arroba]", " arroba ": never an English sentence's "at". */
const atSure = String.raw`(?:\s*@\s*|\s*[(\[{<]\s*(?:${atWords}|@)\s*[)\]}>]\s*|\s+(?:arroba|arobase|chiocciola|klammeraffe)\s+)`;
const atWord = String.raw`\s+at\s+`;
/** A literal dot touches both words or has spaces on both sides ("paris. it was" is a sentence, not paris.it). */
const dot = String.raw`(?:\.|\s+\.\s+|\s*[(\[{<]\s*(?:dot|punto|point|punkt|\.)\s*[)\]}>]\s*|\s+(?:dot|punto|point|punkt)\s+)`;
const part = '[a-z0-9_+-]+';
// Bounded repetitions: an address has a few dots, and a long text of "a dot b dot c…" is then read in linear time.
const local = String.raw`(?<![a-z0-9_+.-])${part}(?:${dot}${part}){0,4}`;
const domainWithTld = String.raw`[a-z0-9-]+(?:${dot}[a-z0-9-]+){0,3}?${dot}(?:${tlds})(?![a-z0-9-])`;

const emailPattern = new RegExp(
  [
    // plain: local@domain with or without a top-level domain ("ana@gmail")
    String.raw`${local}@[a-z0-9-]{2,}(?:\.[a-z0-9-]+){0,4}`,
    String.raw`${local}${atSure}(?:${domainWithTld}|(?:${providers})(?![a-z0-9-]))`,
    String.raw`${local}${atWord}(?:(?:${providers})${dot}(?:[a-z0-9-]+${dot}){0,3}?(?:${tlds})(?![a-z0-9-])|(?:${providersAlone})(?![a-z0-9-]))`,
    // spelled out: "a n a @ g m a i l . c o m"
    String.raw`(?<![a-z0-9])(?:[a-z0-9_.-] ){2,40}@(?: [a-z0-9.-]){2,40}(?![a-z0-9])`,
  ].join('|'),
  'g',
);

export function findEmails(folded: string): Span[] {
  const spans: Span[] = [];
  emailPattern.lastIndex = 0;
  for (let m = emailPattern.exec(folded); m; m = emailPattern.exec(folded)) {
    spans.push({ kind: 'email', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
