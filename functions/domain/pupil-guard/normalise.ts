/**
 * One reading of a pupil's text shared by every detector, so a disguise undone here is undone for all of them:
 * Unicode NFKC (fullwidth digits, 𝐛𝐨𝐥𝐝 letters, ＠), lower case, zero-width characters and variation selectors
 * dropped (a keycap emoji "6️⃣" becomes "6"), other emoji read as a space (a separator between digit groups),
 * bullets and middle dots read as ".", every dash as "-".
 *
 * Two strings come out, each with a map back to the text as given (a finding highlights the pupil's own characters):
 * `lower` keeps accents (Spanish "coño" is not "cono", a cone), `folded` drops them and spells ß as "ss"
 * (pupils often leave accents out; German "ät" reads as "at").
 */
export interface NormalisedText {
  lower: string;
  folded: string;
  /** Offsets into the original text of each UTF-16 unit of `lower` / `folded`: where its character starts and ends. */
  lowerStart: number[];
  lowerEnd: number[];
  foldedStart: number[];
  foldedEnd: number[];
}

const dropped = /[\u200B-\u200D\u2060\uFEFF\u00AD\uFE00-\uFE0F\u20E3\u{E0020}-\u{E007F}]/gu;
const emoji = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const dotLike = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\u3002\uFF61]/g;
const dashLike = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const marks = /\p{M}/gu;
/** Plain ASCII (most of a message) needs no Unicode work: read a run of it at once. */
const cluster = /([\t\n\r\x20-\x7E]+(?!\p{M}))|\P{M}\p{M}*|\p{M}+/gsu;

const foldSpecial: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', þ: 'th' };
const foldSpecialRe = /[ßæœøłđıþ]/g;

/** Lower-case text without accents, ß as "ss" (what `folded` holds). */
const nonAscii = /[^\x00-\x7F]/;
export function fold(lower: string): string {
  if (!nonAscii.test(lower)) return lower;
  return lower.normalize('NFD').replace(marks, '').replace(foldSpecialRe, (c) => foldSpecial[c] ?? c);
}

export function normalise(text: string): NormalisedText {
  const out: NormalisedText = { lower: '', folded: '', lowerStart: [], lowerEnd: [], foldedStart: [], foldedEnd: [] };
  let lower = '';
  let folded = '';
  let afterEmoji = false;
  cluster.lastIndex = 0;
  for (let m = cluster.exec(text); m; m = cluster.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    let piece: string;
    if (m[1] !== undefined) {
      // ASCII folds to itself: one offset per character
      piece = m[0].toLowerCase();
      lower += piece;
      folded += piece;
      for (let i = 0; i < piece.length; i++) {
        out.lowerStart.push(start + i);
        out.lowerEnd.push(start + i + 1);
        out.foldedStart.push(start + i);
        out.foldedEnd.push(start + i + 1);
      }
      afterEmoji = false;
      continue;
    } else if (emoji.test(m[0])) {
      // A run of emoji is one separator: "6🔥🔥1" reads as "6 1".
      piece = afterEmoji ? '' : ' ';
      afterEmoji = true;
    } else {
      piece = m[0].normalize('NFKC').toLowerCase().replace(dropped, '').replace(dotLike, '.').replace(dashLike, '-');
      if (piece) afterEmoji = false;
    }
    if (!piece) continue;
    const foldedPiece = fold(piece);
    lower += piece;
    folded += foldedPiece;
    for (let i = 0; i < piece.length; i++) {
      out.lowerStart.push(start);
      out.lowerEnd.push(end);
    }
    for (let i = 0; i < foldedPiece.length; i++) {
      out.foldedStart.push(start);
      out.foldedEnd.push(end);
    }
  }
  out.lower = lower;
  out.folded = folded;
  return out;
}
