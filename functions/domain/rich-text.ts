/**
 * Rich text (issue 10): pages, forum posts, diary entries and Home posts are
 * stored as a ProseMirror/Tiptap JSON document, never as HTML, validated by
 * ONE zod schema of the nodes and marks we allow. Anything else — an unknown
 * node, an attribute outside the schema, a `javascript:` link — fails the
 * schema, so the API answers 400 and nothing is stored; there is nothing to
 * sanitize on the way out. The site's renderer (web/src/components/kit/
 * rich-text.tsx) turns the same document into elements and escapes all text.
 *
 * Pure: no I/O. Images name a file of the project's materials
 * ({materialId, fileId}); which ones exist and who may see them is checked by
 * the handler that saves the document (functions/data/material-media.ts).
 */
import * as z from 'zod';
import { plainToDoc, walkDoc } from './rich-doc.ts';

// The pure functions live in rich-doc.ts (no zod); exported from here too.
export { docImages, docToPlainText, isEmptyDoc, plainToDoc, videoEmbedUrl, walkDoc } from './rich-doc.ts';

/** Video providers shown through their privacy-enhanced embeds only. */
export const videoProviders = ['youtube', 'vimeo'] as const;
export type VideoProvider = (typeof videoProviders)[number];

/** A YouTube id is 11 characters of [A-Za-z0-9_-]; a Vimeo id is digits. */
export const videoIdPatterns: Readonly<Record<VideoProvider, RegExp>> = {
  youtube: /^[A-Za-z0-9_-]{11}$/,
  vimeo: /^\d{1,12}$/,
};

/** A video link as a member pastes it (watch, share, embed or shorts URLs) → provider and id; undefined for anything else. */
export function parseVideoUrl(url: string): { provider: VideoProvider; videoId: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const host = parsed.hostname.toLowerCase().replace(/^www\.|^m\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean);
  let found: { provider: VideoProvider; videoId: string } | undefined;
  if (host === 'youtu.be') found = { provider: 'youtube', videoId: segments[0] ?? '' };
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const id = segments[0] === 'watch' ? parsed.searchParams.get('v') : ['embed', 'shorts', 'live'].includes(segments[0] ?? '') ? segments[1] : undefined;
    found = { provider: 'youtube', videoId: id ?? '' };
  } else if (host === 'vimeo.com') found = { provider: 'vimeo', videoId: segments[0] ?? '' };
  else if (host === 'player.vimeo.com' && segments[0] === 'video') found = { provider: 'vimeo', videoId: segments[1] ?? '' };
  return found && videoIdPatterns[found.provider].test(found.videoId) ? found : undefined;
}

/** Links: https and mailto only (no javascript:, data:, http: or relative links). */
export const allowedLinkProtocols = ['https:', 'mailto:'] as const;
export function isAllowedHref(href: string): boolean {
  if (href.length > 2_000 || /[\s\u0000-\u001f]/.test(href)) return false;
  try {
    const url = new URL(href);
    return (allowedLinkProtocols as readonly string[]).includes(url.protocol) && (url.protocol === 'mailto:' || url.hostname.length > 0);
  } catch {
    return false;
  }
}

export const richTextLimits = {
  /** Nodes (text runs included) in one document. */
  nodes: 5_000,
  /** Lists and quotes nest at most this deep. */
  depth: 8,
  /** Characters of alt text on an image. */
  alt: 300,
} as const;

const mark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }).strict(),
  z.object({ type: z.literal('italic') }).strict(),
  z.object({ type: z.literal('underline') }).strict(),
  z
    .object({
      type: z.literal('link'),
      attrs: z.object({ href: z.string().refine(isAllowedHref, 'A link starts with https:// or mailto:.') }).strict(),
    })
    .strict(),
]);
export type RichMark = z.infer<typeof mark>;

const textNode = z
  .object({
    type: z.literal('text'),
    text: z.string().min(1),
    marks: z.array(mark).max(4).optional(),
  })
  .strict();
export type RichText = z.infer<typeof textNode>;

const inlineContent = z.array(textNode).optional();

export interface RichParagraph {
  type: 'paragraph';
  content?: RichText[];
}
export interface RichHeading {
  type: 'heading';
  attrs: { level: 2 | 3 | 4 };
  content?: RichText[];
}
export interface RichListItem {
  type: 'listItem';
  content: RichBlock[];
}
export interface RichBulletList {
  type: 'bulletList';
  content: RichListItem[];
}
export interface RichOrderedList {
  type: 'orderedList';
  attrs?: { start?: number; type?: null };
  content: RichListItem[];
}
export interface RichBlockquote {
  type: 'blockquote';
  content: RichBlock[];
}
/** An image of the project's materials: a ready image file of an album. */
export interface RichImage {
  type: 'image';
  attrs: { materialId: string; fileId: string; alt?: string };
}
/** A video of an allowed provider, by id (never a URL: the embed URL is made by videoEmbedUrl). */
export interface RichVideo {
  type: 'video';
  attrs: { provider: VideoProvider; videoId: string };
}
export type RichBlock = RichParagraph | RichHeading | RichBulletList | RichOrderedList | RichBlockquote | RichImage | RichVideo;
export interface RichDoc {
  type: 'doc';
  content: RichBlock[];
}

const ulidLike = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Not an id of this project.');

// The recursive schemas carry an id, so the OpenAPI document names them once and refers to them ($ref) instead of recursing for ever.
const listItem: z.ZodType<RichListItem> = z
  .lazy(() => z.object({ type: z.literal('listItem'), content: z.array(block).min(1) }).strict())
  .meta({ id: 'RichListItem' });

const block: z.ZodType<RichBlock> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('paragraph'), content: inlineContent }).strict(),
    z
      .object({
        type: z.literal('heading'),
        attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }).strict(),
        content: inlineContent,
      })
      .strict(),
    z.object({ type: z.literal('bulletList'), content: z.array(listItem).min(1) }).strict(),
    z
      .object({
        type: z.literal('orderedList'),
        attrs: z.object({ start: z.number().int().min(1).max(100_000).optional(), type: z.null().optional() }).strict().optional(),
        content: z.array(listItem).min(1),
      })
      .strict(),
    z.object({ type: z.literal('blockquote'), content: z.array(block).min(1) }).strict(),
    z
      .object({
        type: z.literal('image'),
        attrs: z.object({ materialId: ulidLike, fileId: ulidLike, alt: z.string().max(richTextLimits.alt).optional() }).strict(),
      })
      .strict(),
    z
      .object({
        type: z.literal('video'),
        attrs: z
          .object({ provider: z.enum(videoProviders), videoId: z.string() })
          .strict()
          .refine(({ provider, videoId }) => videoIdPatterns[provider].test(videoId), 'Not a video id of that provider.'),
      })
      .strict(),
  ]),
).meta({ id: 'RichBlock' }) as z.ZodType<RichBlock>;

/**
 * The schema of a stored document, with its limits: `maxChars` characters of
 * text (code points, as the plain-text limits of each surface count them).
 */
export function richDocSchema(maxChars: number) {
  return z
    .object({ type: z.literal('doc'), content: z.array(block) })
    .strict()
    .superRefine((doc, context) => {
      let nodes = 0;
      let chars = 0;
      let deepest = 0;
      walkDoc(doc as RichDoc, (node, depth) => {
        nodes += 1;
        deepest = Math.max(deepest, depth);
        if (node.type === 'text') chars += [...node.text].length;
      });
      if (nodes > richTextLimits.nodes) context.addIssue({ code: 'custom', message: `A text has at most ${richTextLimits.nodes} parts.` });
      if (deepest > richTextLimits.depth) context.addIssue({ code: 'custom', message: `Lists and quotes nest at most ${richTextLimits.depth} deep.` });
      if (chars > maxChars) context.addIssue({ code: 'custom', message: `The text is at most ${maxChars} characters.` });
    }) as unknown as z.ZodType<RichDoc>;
}

/**
 * What a client sends as `body`: a document, or plain text (older clients;
 * read as paragraphs). Both end as a document.
 */
export function richBodyInput(maxChars: number) {
  const doc = richDocSchema(maxChars);
  return z.union([
    z
      .string()
      .trim()
      .refine((text) => [...text].length <= maxChars, `The text is at most ${maxChars} characters.`)
      .transform(plainToDoc),
    doc,
  ]);
}
