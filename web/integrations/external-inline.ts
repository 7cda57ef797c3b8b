/**
 * No inline script or style in any built page, so the Content-Security-Policy
 * can say `script-src 'self'; style-src 'self'` with no hash and no
 * 'unsafe-inline' (infra/site-headers.ts).
 *
 * Astro's config already keeps page scripts and component styles in files
 * (astro.config.mjs: `build.inlineStylesheets: 'never'`, `vite.build.assetsInlineLimit: 0`).
 * What no option moves is the island runtime Astro writes in front of the
 * first island of a page: `<style>astro-island…</style><script>(directive)</script><script>(runtime)</script>`.
 * After the build, this moves every remaining inline `<script>` and `<style>`
 * into a file under /_astro/ named by the hash of its text (so it is cached
 * as immutably as Astro's own bundles, and shared by every page that has the
 * same text), in place: a classic script stays a classic, parser-blocking
 * script at the same spot, so the order in which they run does not change.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';

/** Where the moved files go, under the site's root: Astro's hashed-assets folder. */
export const assetsFolder = '_astro';

/** Script types that hold JavaScript (data blocks such as application/ld+json are not run, and stay). */
const javascriptTypes = new Set(['', 'module', 'text/javascript', 'application/javascript']);

interface InlineElement {
  kind: 'script' | 'style';
  /** Index of the `<` of its start tag, and one past the `>` of its end tag. */
  start: number;
  end: number;
  text: string;
  attributes: Record<string, string>;
}

/** The inline scripts (JavaScript only) and style elements of a page, with where they are in its text. */
export function inlineElements(html: string): InlineElement[] {
  const found: InlineElement[] = [];
  let open: { kind: 'script' | 'style'; start: number; contentStart: number; attributes: Record<string, string> } | undefined;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'script' && name !== 'style') return;
        open = { kind: name, start: parser.startIndex, contentStart: parser.endIndex + 1, attributes };
      },
      onclosetag(name) {
        if (!open || name !== open.kind) return;
        const text = html.slice(open.contentStart, parser.startIndex);
        const isJavascript = open.kind === 'style' || javascriptTypes.has((open.attributes.type ?? '').trim().toLowerCase());
        if (open.attributes.src === undefined && isJavascript) {
          found.push({ kind: open.kind, start: open.start, end: parser.endIndex + 1, text, attributes: open.attributes });
        }
        open = undefined;
      },
    },
    // Attribute values decoded (they are escaped again when written); the texts are cut from the page itself, untouched.
    { lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const attributeText = (attributes: Record<string, string>) =>
  Object.entries(attributes)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');

/** A file name for the text: `inline.<first 16 hex digits of its sha-256>.js|css`. */
export function movedFileName(kind: 'script' | 'style', text: string): string {
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  return `inline.${hash}.${kind === 'script' ? 'js' : 'css'}`;
}

/**
 * The page with every inline script and style replaced by a reference to a
 * file, and the files to write (name → text). A script keeps its attributes
 * (type="module" stays a module).
 */
export function externalise(html: string): { html: string; files: Map<string, string> } {
  const files = new Map<string, string>();
  let out = '';
  let at = 0;
  for (const element of inlineElements(html)) {
    const name = movedFileName(element.kind, element.text);
    files.set(name, element.text);
    const href = `/${assetsFolder}/${name}`;
    const replacement =
      element.kind === 'script'
        ? `<script${attributeText(element.attributes)} src="${href}"></script>`
        : `<link rel="stylesheet" href="${href}"${element.attributes.media ? ` media="${escapeAttribute(element.attributes.media)}"` : ''}>`;
    out += html.slice(at, element.start) + replacement;
    at = element.end;
  }
  return { html: out + html.slice(at), files };
}

function htmlFiles(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).map((file) => join(folder, file));
}

/** Rewrites every built page of `folder` and writes the moved files; answers how many elements it moved. */
export function externaliseFolder(folder: string): number {
  let moved = 0;
  const written = new Set<string>();
  mkdirSync(join(folder, assetsFolder), { recursive: true });
  for (const file of htmlFiles(folder)) {
    const page = readFileSync(file, 'utf8');
    const result = externalise(page);
    if (result.files.size === 0) continue;
    for (const [name, text] of result.files) {
      if (!written.has(name)) writeFileSync(join(folder, assetsFolder, name), text);
      written.add(name);
    }
    moved += inlineElements(page).length;
    writeFileSync(file, result.html);
  }
  return moved;
}

export default function externalInline(): AstroIntegration {
  return {
    name: 'twinspace:external-inline',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const moved = externaliseFolder(fileURLToPath(dir));
        logger.info(`moved ${moved} inline script and style elements into /${assetsFolder}/ files`);
      },
    },
  };
}
