import type { Span } from './types.ts';

/**
 * Social and messaging accounts: links to a profile or a chat (instagram.com/…, tiktok.com/@…, snapchat.com/add/…,
 * wa.me/…, t.me/…, discord.gg/…, discord.com/invite/…) and handles next to a platform's name, however loosely written
 * ("my insta is @ana_23", "add me on snap: ana.23", "tiktok ana_lopez", "@ana_23 on ig"). Read on the folded text.
 *
 * A handle without "@" must look like one (a digit, "_" or an inner "."), or follow the name and a colon: "my insta is
 * private" and "oh snap, I forgot" are school talk. An "@name" alone is a classmate mentioned in a chat, not an account.
 */
const linkPattern = new RegExp(
  String.raw`(?<![\p{L}\d.])(?:https?:\/\/)?(?:www\.|m\.|vm\.|vt\.)?` +
    String.raw`(?:instagram\.com|instagr\.am|tiktok\.com|snapchat\.com|snap\.com|wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|` +
    String.raw`whatsapp\.com|t\.me|telegram\.me|telegram\.dog|discord\.gg|discord\.com\/invite|discordapp\.com\/invite|` +
    String.raw`facebook\.com|fb\.com|m\.me|twitter\.com|x\.com|threads\.net|twitch\.tv|kik\.me|roblox\.com\/users)` +
    String.raw`\/[^\s<>"')\]]+`,
  'gu',
);

const names = [
  'instagram', 'insta', 'ig', 'tik ?-?tok', 'tiktok', 'snapchat', 'snap', 'sc', 'whats ?app', 'wasap', 'wassap',
  'whatsap', 'wsp', 'telegram', 'tg', 'discord', 'dc', 'facebook', 'fb', 'twitter', 'bereal', 'twitch', 'kik', 'roblox',
  'threads', 'youtube', 'yt',
  // "follow me" in the partners' languages: an @handle after it is an account too
  'follow me', 'add me', 'sigueme', 'agregame', 'anademe', 'suis-moi', 'suivez-moi', 'ajoute-moi', 'ajoute moi',
  'seguimi', 'aggiungimi', 'folg mir', 'folgt mir', 'add mich',
].join('|');
const platformPattern = new RegExp(String.raw`(?<![\p{L}\d@])(?:${names})(?![\p{L}\d])`, 'gu');

/** A handle, with Discord's old "#1234" tag. */
const handleToken = /^@?[\p{L}\d._]+(?:#\d{4})?$/u;
const hasLetter = /\p{L}/u;
const handleMark = /[\d_]|\p{L}\.\p{L}/u;
/** A figure with its unit or ending ("5pm", "3rd", "20min", "2b"), and "e.g."-like abbreviations: not handles. */
const notAHandle = /^\d+\p{L}{1,3}$|^(?:\p{L}\.)+\p{L}$/u;

/** "ana_23", "ana.lopez", "ana23": a letter and a digit, "_" or an inner dot. */
function handleLike(token: string): boolean {
  return hasLetter.test(token) && handleMark.test(token) && !notAHandle.test(token);
}
/** Words that name what comes next ("my insta IS ana23", "ich BIN lea2012"): after them, letters and digits suffice. */
const naming = new Set(["c'est", 'c’est', 'cest', 'heisst', 'heiss', 'llama', 'chiama', 'is', 'its', "it's", 'es', 'est', 'ist', 'e', 'son', 'soy', 'sono', 'bin', 'am', 'suis', 'me', 'as', 'como', 'comme', 'come', 'als', 'called', 'name', 'username', 'user', 'usuario', 'pseudo', 'nickname', 'nick', 'nom', 'nome', 'handle']);
const strongMark = /_|\p{L}\.\p{L}/u;
const tokenPattern = /[@#\p{L}\d._:'’-]+/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokensIn(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  tokenPattern.lastIndex = from;
  for (let m = tokenPattern.exec(text); m && m.index < to; m = tokenPattern.exec(text)) {
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function trimmed(token: Token): Token {
  // "ana_23." at a sentence's end, "insta:" with its colon
  const lead = token.text.match(/^[:'’-]+/)?.[0].length ?? 0;
  const trail = token.text.match(/[.:'’-]+$/)?.[0].length ?? 0;
  return { text: token.text.slice(lead, token.text.length - trail), start: token.start + lead, end: token.end - trail };
}

export interface AccountSpans {
  links: Span[];
  handles: Span[];
}

export function findAccounts(folded: string): AccountSpans {
  const links: Span[] = [];
  const handles: Span[] = [];
  linkPattern.lastIndex = 0;
  for (let m = linkPattern.exec(folded); m; m = linkPattern.exec(folded)) {
    const end = m.index + m[0].replace(/[.,;:!?]+$/, '').length;
    links.push({ kind: 'account', start: m.index, end });
  }
  platformPattern.lastIndex = 0;
  for (let m = platformPattern.exec(folded); m; m = platformPattern.exec(folded)) {
    const nameEnd = m.index + m[0].length;
    const handle = handleAfter(folded, nameEnd) ?? handleBefore(folded, m.index);
    if (handle && !links.some((l) => handle.start < l.end && l.start < handle.end)) handles.push(handle);
  }
  return { links, handles };
}

/**
 * The handle a pupil names after a platform, a few words on and in the same sentence, whatever words lead to it ("insta
 * its @poppy.draws", "sur snap, mon pseudo c'est la_vraie_ines", "auf insta, ich bin lea.sofie.2012"): a handle-shaped
 * word within six words, an "@name" within the sentence. "on insta I saw a cat video" names none.
 */
function handleAfter(text: string, nameEnd: number): Span | undefined {
  const colon = /^\s*[:=>-]/.test(text.slice(nameEnd, nameEnd + 3));
  let previousEnd = nameEnd;
  let before = '';
  const words = tokensIn(text, nameEnd, Math.min(text.length, nameEnd + 80)).filter((t) => trimmed(t).text);
  for (const [i, raw] of words.slice(0, 10).entries()) {
    // a new sentence starts: its words are not about the platform
    if (/[!?;\n]|\.\s/.test(text.slice(previousEnd - 1, raw.start))) return undefined;
    previousEnd = raw.end;
    const token = trimmed(raw);
    const previous = before;
    before = token.text;
    if (!handleToken.test(token.text)) continue;
    if (token.text.startsWith('@') && token.text.length > 2) return { kind: 'account', start: token.start, end: token.end };
    // "ana23" right after the name or a naming word; further on only "_" or an inner dot ("on yt I saw the mp3" is not one)
    if (i < 6 && handleLike(token.text) && (i === 0 || naming.has(previous) || strongMark.test(token.text))) {
      return { kind: 'account', start: token.start, end: token.end };
    }
    // "snap: anita" names the account after a colon, alone; "insta: great photos today" is a sentence
    if (colon && i === 0 && token.text.length >= 3 && /^\s*(?:$|[,.!?;)\n])/.test(text.slice(token.end, token.end + 2))) {
      return { kind: 'account', start: token.start, end: token.end };
    }
  }
  return undefined;
}

function handleBefore(text: string, nameStart: number): Span | undefined {
  const window = tokensIn(text, Math.max(0, nameStart - 40), nameStart).map(trimmed).filter((t) => t.text);
  const last = window.slice(-4);
  for (let i = last.length - 1; i >= 0; i--) {
    const token = last[i];
    if (token.text.startsWith('@') && token.text.length > 2 && handleToken.test(token.text)) {
      return { kind: 'account', start: token.start, end: token.end };
    }
  }
  return undefined;
}
