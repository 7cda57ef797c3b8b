/**
 * The wire shapes of rich text (issue 10), shared by the four surfaces that
 * hold it (pages, forum, diary, Home posts). A request's `body` is a document
 * or, from older clients, a plain string (read as paragraphs). A response
 * keeps `body` as plain text — older clients, feed excerpts and
 * notifications read it — and adds the document (`content`) and, when it
 * shows images, their short-lived URLs (`media`).
 */
import * as z from 'zod';
import { isEmptyDoc, richBodyInput, richDocSchema } from '../domain/rich-text.ts';
import { documentMedia } from './materials/schemas.ts';

/** A body that may be empty (a page's text). */
export const richBody = (maxChars: number) => richBodyInput(maxChars);

/** A body that needs some text, an image or a video (a post, a reply, an entry): `message` when it has none. */
export const nonEmptyRichBody = (maxChars: number, message: string) => richBodyInput(maxChars).refine((doc) => !isEmptyDoc(doc), message);

/** The fields of a response that carries a document. */
export const documentResponseFields = (maxChars: number) => ({
  /** The document's plain text (docToPlainText): what older clients, excerpts and notifications show. */
  body: z.string(),
  content: richDocSchema(maxChars),
  /** URLs of the images the document shows, by fileId; absent when it shows none (or, on the public page, for diary entries). */
  media: documentMedia.optional(),
});
