import { createRequire } from 'node:module';
import { accentNeeded, alsoNames, ordinaryPhrases, ordinaryWords } from './abuse-allow.ts';
import { fold, type NormalisedText } from './normalise.ts';
import type { Span } from './types.ts';

/**
 * Insults and sexual words of the maintained `naughty-words` lists (English, Spanish, French, Italian, German), as
 * whole words or phrases, through light disguises: leetspeak ("sh1t", "@ss", "b!tch"), repeated letters ("fuuuck"),
 * asterisks ("f*ck", "sh**"), spaced letters ("f u c k"), missing accents ("cabron") and plain endings ("fucked",
 * "putas", "Fotzen"). Read on the lower-cased text; `abuse-allow.ts` lists the entries that are ordinary words.
 */
const require = createRequire(import.meta.url);
const lists: string[][] = [
  require('naughty-words/en.json'),
  require('naughty-words/es.json'),
  require('naughty-words/fr.json'),
  require('naughty-words/it.json'),
  require('naughty-words/de.json'),
];

const leetMap: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };
const leetChars = /[013457@$!]/g;
const letter = /\p{L}/u;
const splitter = /[^\p{L}\p{N}@$!*]+/u;
/** Digits and signs stand for letters only inside a word that has letters: "2024" stays a year. */
function leet(token: string): string {
  return letter.test(token) ? token.replace(leetChars, (c) => leetMap[c] ?? c) : token;
}
function canonical(token: string): string {
  return fold(leet(token));
}
function collapse(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}
function runs(word: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const c of word) {
    const last = out[out.length - 1];
    if (last && last[0] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}
/** "fuuuck" stretches "fuck", "asss" stretches "ass", but "as" does not stretch "ass". */
function stretches(entry: string, token: string): boolean {
  const a = runs(entry);
  const b = runs(token);
  return a.length === b.length && a.every(([c, n], i) => b[i][0] === c && b[i][1] >= n);
}

const singles = new Set<string>();
const accented = new Set<string>();
const byCollapsed = new Map<string, string[]>();
const byLength = new Map<number, string[]>();
const phrases = new Map<string, string[][]>();
const emojiEntries: string[] = [];

for (const list of lists) {
  for (const entry of list) {
    const lower = entry.normalize('NFKC').toLowerCase().trim();
    if (!letter.test(lower)) {
      if (lower) emojiEntries.push(lower);
      continue;
    }
    const tokens = lower.split(splitter).filter(Boolean);
    // "s&m": two letters that also spell clothing sizes
    if (tokens.every((t) => [...t].length <= 1)) continue;
    const canon = tokens.map(canonical);
    const joined = canon.join(' ');
    if (ordinaryWords.has(joined)) continue;
    if (canon.length > 1) {
      const list = phrases.get(canon[0]) ?? [];
      list.push(canon);
      phrases.set(canon[0], list);
    } else if (accentNeeded.has(joined)) {
      accented.add(leet(tokens[0]));
    } else {
      addSingle(joined);
      for (const form of conjugations(joined, lower)) if (!ordinaryWords.has(form) && !accentNeeded.has(form)) addSingle(form);
    }
  }
}

function addSingle(word: string): void {
  if (singles.has(word)) return;
  singles.add(word);
  const key = collapse(word);
  byCollapsed.set(key, [...(byCollapsed.get(key) ?? []), word]);
  byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);
}

/**
 * The lists hold one form of a verb; pupils write others ("que te follen", "va te faire enculer", "er fickt").
 * Spanish -ar, French -er and -é, German -en verbs get their common forms with endings of two letters or more where
 * a one-letter one would spell another word (Spanish "folla" is Italian for a crowd). Italian verbs get none: their
 * forms are everyday nouns ("scopo", a purpose; "tromba", a trumpet).
 */
function conjugations(word: string, spelled: string): string[] {
  const forms: string[] = [];
  const add = (stem: string, endings: string[]) => {
    if (stem.length >= 4) for (const ending of endings) forms.push(stem + ending);
  };
  if (spelled.endsWith('ar')) add(word.slice(0, -2), ['as', 'an', 'en', 'es', 'ado', 'ada', 'ados', 'adas', 'ando', 'amos', 'aron', 'aste']);
  if (spelled.endsWith('er')) add(word.slice(0, -2), ['e', 'es', 'ent', 'ez', 'ee', 'ees', 'ait', 'ais', 'eur', 'euse']);
  if (spelled.endsWith('é')) add(word.slice(0, -1), ['er', 'ez', 'ee', 'es', 'ees', 'eur']);
  if (spelled.endsWith('ée')) add(word.slice(0, -2), ['er', 'ez', 'e', 'es', 'ees', 'eur']);
  if (spelled.endsWith('en') && !spelled.includes(' ')) add(word.slice(0, -2), ['t', 'st', 'te', 'er']);
  return forms;
}

const harmlessPhrases = [...ordinaryPhrases].map((p) => p.split(' '));

const endings = ['s', 'es', 'ed', 'ing', 'in', 'n', 'en', 'er', 'ers'];
/** English insults made of a listed word and a body part or thing: "dickhead", "shitface", "asshat". */
const compoundEnds = ['head', 'heads', 'face', 'faces', 'hole', 'holes', 'bag', 'bags', 'wad', 'stain', 'hat', 'licker', 'sucker'];
/** Compounds may start with any single word of the lists, also one that alone is ordinary in another language ("dick"). */
const compoundStarts = new Set<string>(singles);
for (const list of lists) for (const entry of list) if (!/\s/.test(entry)) compoundStarts.add(canonical(entry.toLowerCase()));
/** Every beginning of a listed word, repeated letters collapsed: spaced letters are read only while they spell one. */
const collapsedPrefixes = new Set<string>();
for (const key of byCollapsed.keys()) for (let i = 1; i <= key.length; i++) collapsedPrefixes.add(key.slice(0, i));
/** "f u u u u c k" may stretch a letter, but no spelling is longer than the longest listed word and a few more. */
const longestSpelling = Math.max(...[...singles].map((w) => w.length)) + 6;

function isListedWord(token: string, c: string = canonical(token)): boolean {
  if (accented.size && accented.has(leet(token))) return true;
  if (singles.has(c)) return true;
  if (byCollapsed.get(collapse(c))?.some((entry) => stretches(entry, c))) return true;
  if (ordinaryWords.has(c)) return false;
  for (const ending of endings) {
    if (c.length - ending.length >= 4 && c.endsWith(ending) && singles.has(c.slice(0, -ending.length))) return true;
  }
  for (const end of compoundEnds) {
    if (c.length - end.length >= 3 && c.endsWith(end) && compoundStarts.has(c.slice(0, -end.length))) return true;
  }
  return false;
}

/** "f*ck", "sh**", "b**ch": a listed word of the same length with letters where the token has them. */
function isMaskedWord(token: string): boolean {
  const c = canonical(token.replace(/\*/g, '\u0000')).replace(/\u0000/g, '*');
  if ((c.match(/[^*]/g) ?? []).length < 2) return false;
  return (byLength.get(c.length) ?? []).some((entry) => [...c].every((ch, i) => ch === '*' || ch === entry[i]));
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const tokenPattern = /[\p{L}\p{N}@$!*]+/gu;
const shortGap = /^[ \t.\-_*,]{1,2}$/;

function tokensOf(lower: string): Token[] {
  const out: Token[] = [];
  tokenPattern.lastIndex = 0;
  for (let m = tokenPattern.exec(lower); m; m = tokenPattern.exec(lower)) {
    // "shit!!!" and "*shit*": exclamation marks and emphasis around a word are punctuation
    const text = m[0].replace(/^[!*]+/, '');
    const lead = m[0].length - text.length;
    // "*shit*" is emphasis; "sh**" keeps its asterisks
    const trimmed = m[0].startsWith('*') ? text.replace(/[!*]+$/, '') : text.replace(/!+$/, '');
    if (!trimmed || !letter.test(leet(trimmed))) continue;
    out.push({ text: trimmed, start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return out;
}

const titleCase = /^\p{Lu}\p{Ll}/u;

export function findAbuse(n: NormalisedText, original: string): { spans: Span[]; originalSpans: Span[] } {
  const lower = n.lower;
  const spans: Span[] = [];
  const tokens = tokensOf(lower);
  const canon = tokens.map((t) => canonical(t.text));
  for (let i = 0; i < tokens.length; i++) {
    const harmless = harmlessPhrases.find((p) => p.every((w, k) => canon[i + k] === w));
    if (harmless) {
      i += harmless.length - 1;
      continue;
    }
    // a phrase of the list: "hijo de puta", "figlio di puttana"
    const phrase = phrases.get(canon[i])?.find(
      (p) => p.every((w, k) => canon[i + k] === w && (k === 0 || lower.slice(tokens[i + k - 1].end, tokens[i + k].start).length <= 3)),
    );
    if (phrase) {
      spans.push({ kind: 'abuse', start: tokens[i].start, end: tokens[i + phrase.length - 1].end });
      i += phrase.length - 1;
      continue;
    }
    const token = tokens[i];
    // "Troia" is Troy, "troia" is not
    if (alsoNames.has(canon[i]) && titleCase.test(original.slice(n.lowerStart[token.start], n.lowerEnd[token.end - 1]))) continue;
    if (token.text.includes('*') ? isMaskedWord(token.text) || isListedWord(token.text.replace(/\*/g, '')) : isListedWord(token.text, canon[i])) {
      spans.push({ kind: 'abuse', start: token.start, end: token.end });
      continue;
    }
    // spaced letters: "f u c k", "p.u.t.a"
    if ([...token.text].length === 1) {
      let j = i;
      while (j + 1 < tokens.length && [...tokens[j + 1].text].length === 1 && shortGap.test(lower.slice(tokens[j].end, tokens[j + 1].start))) j++;
      if (j - i >= 2) {
        for (const hit of spacedWords(tokens.slice(i, j + 1))) spans.push({ kind: 'abuse', start: hit.start, end: hit.end });
      }
      i = j;
    }
  }
  const originalSpans: Span[] = [];
  for (const emoji of emojiEntries) {
    for (let at = original.indexOf(emoji); at >= 0; at = original.indexOf(emoji, at + emoji.length)) {
      originalSpans.push({ kind: 'abuse', start: at, end: at + emoji.length });
    }
  }
  return { spans, originalSpans };
}

/** Listed words spelled by consecutive single letters of a run, longest first, never overlapping. */
function spacedWords(letters: Token[]): Array<{ start: number; end: number }> {
  const hits: Array<{ start: number; end: number }> = [];
  const canon = letters.map((t) => canonical(t.text));
  for (let from = 0; from + 3 <= letters.length; ) {
    // grow the word letter by letter while it still begins a listed word (its repeated letters collapsed)
    let collapsed = '';
    let best = 0;
    let word = '';
    for (let k = from; k < Math.min(canon.length, from + longestSpelling); k++) {
      if (!collapsed.endsWith(canon[k])) collapsed += canon[k];
      if (!collapsedPrefixes.has(collapsed)) break;
      word += canon[k];
      if (k - from >= 2 && (singles.has(word) || byCollapsed.get(collapsed)?.some((entry) => stretches(entry, word)))) best = k - from + 1;
    }
    if (best) {
      hits.push({ start: letters[from].start, end: letters[from + best - 1].end });
      from += best;
    } else from++;
  }
  return hits;
}
