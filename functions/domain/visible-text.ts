/**
 * What text people write may hold: the one rule for every name, title and
 * plain text the API takes (and the site's forms check), so it changes in one
 * place. Pure, no I/O: the site imports it too.
 *
 * - Text must show something: at least one letter, digit, punctuation mark or
 *   symbol (emoji are symbols). Spaces, zero-width characters (U+200B, joiners,
 *   U+FEFF), control characters, and blank look-alikes such as the Hangul
 *   fillers or the blank Braille pattern do not count. Every script counts:
 *   Arabic, Hebrew, Devanagari and emoji with their joiners all pass.
 * - Control characters are refused; text of many lines (a description, a
 *   reply, a mail's body) keeps line breaks and tabs.
 * - Names and titles (one line) refuse the bidirectional embedding, override
 *   and isolate controls (U+202A–U+202E, U+2066–U+2069): they can make a
 *   name read as another ("Trojan Source"), and a name or title does not
 *   need them. The marks LRM, RLM and ALM, which reorder nothing around
 *   them, stay allowed for mixed-direction names.
 *   Text of many lines keeps them, as pasted right-to-left documents carry
 *   them.
 */

export type TextProblem = 'no-visible-text' | 'control-character' | 'direction-control';

/** U+202A–U+202E (embeddings, overrides, pop) and U+2066–U+2069 (isolates). */
const directionControl = /[\u202A-\u202E\u2066-\u2069]/u;
/** One line: any control character, and the line and paragraph separators. */
const controlInLine = /[\p{Cc}\u2028\u2029]/u;
/** Many lines: control characters other than line feed, carriage return and tab. */
const controlInLines = /[^\P{Cc}\n\r\t]/u;
/** Letters that draw nothing (Hangul fillers, halfwidth filler) and the blank Braille pattern. */
const blankLookalikes = /[\u115F\u1160\u3164\uFFA0\u2800]/gu;
const visibleCharacter = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** Whether the text shows at least one character a reader sees. */
export function hasVisibleText(text: string): boolean {
  return visibleCharacter.test(text.replace(blankLookalikes, ''));
}

/** What is wrong with a (trimmed, non-empty) text, or undefined when nothing is. */
export function textProblem(text: string, options: { multiline?: boolean } = {}): TextProblem | undefined {
  if (options.multiline ? controlInLines.test(text) : controlInLine.test(text)) return 'control-character';
  if (!options.multiline && directionControl.test(text)) return 'direction-control';
  if (!hasVisibleText(text)) return 'no-visible-text';
  return undefined;
}

/** The API's sentence for each problem (Spanish in functions/lib/messages.es.json; the site has its own). */
export const textProblemMessages: Record<TextProblem, (multiline: boolean) => string> = {
  'no-visible-text': () => 'Write some visible text: spaces and invisible characters alone do not count.',
  'control-character': (multiline) =>
    multiline ? 'Control characters are not allowed (line breaks and tabs are).' : 'Line breaks, tabs and other control characters are not allowed here.',
  'direction-control': () => 'Characters that override the text direction (U+202A to U+202E, U+2066 to U+2069) are not allowed here.',
};
