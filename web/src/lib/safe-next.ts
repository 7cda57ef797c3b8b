/**
 * Where to go after signing in: the `next=` of the sign-in page, when it is a
 * path on this site, otherwise the fallback (the desktop). Pure, so it is
 * tested without a browser (tests/unit/safe-next.test.ts).
 *
 * Browsers forgive a lot when resolving a URL: tabs and newlines anywhere
 * are dropped and `\` counts as `/`, so `/\evil.example` or `/<tab>/evil.example`
 * look like paths but lead to another host. The rule is therefore strict:
 *  - the value (as URLSearchParams gives it) starts with exactly one `/`
 *    followed by something other than `/` or `\`;
 *  - it holds no control character or backslash, neither as typed
 *    nor after decoding its percent-escapes once (so `%5C`, `%09`, `%0A`,
 *    `%0D` are refused too, as is a malformed escape), and its decoded form
 *    does not start with `//` either;
 *  - resolved against the site, it stays on the site's origin.
 * What is followed is the resolved URL's path, query and fragment, never the
 * raw text.
 */

/** Control characters (C0, DEL, C1) and the backslash. A space is allowed: URLs keep it (encoded) rather than dropping it. */
const forbidden = /[\u0000-\u001F\u007F-\u009F\\]/u;

function looksLikeLocalPath(value: string): boolean {
  return value.startsWith('/') && value[1] !== '/' && value[1] !== '\\' && !forbidden.test(value);
}

function decodedOnce(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * The path (with query and fragment) to go to: `candidate` when it is a path
 * on `origin` (e.g. `location.origin`), otherwise `fallback`.
 */
export function safeNext(candidate: string | null | undefined, origin: string, fallback: string): string {
  if (!candidate || !looksLikeLocalPath(candidate)) return fallback;
  const decoded = decodedOnce(candidate);
  if (decoded === undefined || !looksLikeLocalPath(decoded)) return fallback;
  let site: URL;
  let resolved: URL;
  try {
    site = new URL(origin);
    resolved = new URL(candidate, site.origin);
  } catch {
    return fallback;
  }
  if (site.origin === 'null' || resolved.origin !== site.origin) return fallback;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}
