/**
 * Rich text (issue 10): pages, forum posts, diary entries and Home posts are
 * stored as a ProseMirror/Tiptap JSON document, never as HTML, validated by
 * ONE zod schema of the nodes and marks we allow. Anything else — an unknown
 * node, an attribute outside the schema, a `javascript:` link — fails the
 * schema, so the API answers 400 and nothing is stored; there is nothing to
 * sanitize on the way out. The site's renderer (web/src/components/kit/
 * RichText.tsx) turns the same document into elements and escapes all text.
 * The types and pure helpers live in rich-text-core.ts and video-url.ts (no
 * zod, so the site bundles them without the schema) and are re-exported
 * here: importers of this module see one API.
 *
 * Pure: no I/O. Images name a file of the project's materials
 * ({materialId, fileId}); which ones exist and who may see them is checked by
 * the handler that saves the document (functions/data/material-media.ts).
 */
import * as z from 'zod';
import {
  isAllowedHref,
  plainToDoc,
  richTextLimits,
  videoIdPatterns,
  videoProviders,
  walkDoc,
  type RichBlock,
  type RichDoc,
  type RichListItem,
  type RichMark,
  type RichText,
} from './rich-text-core.ts';

export * from './rich-text-core.ts';
export * from './video-url.ts';

// Typed with the core's types: a schema that drifted from them fails the type check.
const mark: z.ZodType<RichMark> = z.discriminatedUnion('type', [
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
const textNode: z.ZodType<RichText> = z
  .object({
    type: z.literal('text'),
    text: z.string().min(1),
    marks: z.array(mark).max(4).optional(),
  })
  .strict();
const inlineContent = z.array(textNode).optional();

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

