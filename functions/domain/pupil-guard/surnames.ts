import { fold } from './normalise.ts';
import type { Span } from './types.ts';

/**
 * The surname of another pupil of the project (pupils only ever see each other's first names): a whole word, case and
 * accent insensitive, on the folded text. A surname of several words ("García López") is looked for word by word,
 * without particles ("de", "van", "di"…); words shorter than 3 letters are never looked for.
 */
const particles = new Set(['de', 'del', 'della', 'di', 'da', 'dos', 'das', 'do', 'la', 'le', 'les', 'los', 'las', 'van', 'von', 'der', 'den', 'ten', 'du', 'des', 'y', 'e', 'zu', 'el', 'al', 'bin', 'mac', 'mc', 'o']);
const wordPattern = /[\p{L}\p{M}]+/gu;

export function surnameWords(surnames: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const surname of surnames) {
    for (const m of fold(surname.normalize('NFKC').toLowerCase()).matchAll(wordPattern)) {
      if ([...m[0]].length >= 3 && !particles.has(m[0])) words.add(m[0]);
    }
  }
  return words;
}

export function findSurnames(folded: string, surnames: readonly string[]): Span[] {
  const words = surnameWords(surnames);
  if (!words.size) return [];
  const spans: Span[] = [];
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(folded); m; m = wordPattern.exec(folded)) {
    if (!words.has(m[0])) continue;
    const last = spans[spans.length - 1];
    // "García López" is one finding, not two
    if (last && /^[\s-]+$/.test(folded.slice(last.end, m.index))) last.end = m.index + m[0].length;
    else spans.push({ kind: 'surname', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
