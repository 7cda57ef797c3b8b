/**
 * A rich-text document on its way in and out of a handler (issue 10). In:
 * the images it shows are checked (one BatchGet, data/material-media.ts)
 * and its stored size against its surface's budget; a refusal is a 400 that
 * names the node, and nothing is stored. Out: the stored document becomes the
 * wire's `body` (plain text), `content` and `media` (URLs presigned from the
 * stored keys: no read).
 */
import { presignMedia, resolveDocumentImages, type PresignedMedia } from '../data/material-media.ts';
import { documentFields, type StoredDocument } from '../data/stored-document.ts';
import type { TableStore } from '../data/store.ts';
import type { Area } from '../domain/areas.ts';
import { storedDocumentBytes, storedSize, type DocumentSurface } from '../domain/rich-documents.ts';
import { docToPlainText } from '../domain/rich-text-core.ts';
import type { RichDoc } from '../domain/rich-text.ts';
import { validationFailed } from '../lib/errors.ts';

const tooLarge = (field: string) =>
  validationFailed('The body is not valid.', [{ field, message: 'This text is too large to store: split it, or use fewer links, marks and images.' }]);

/**
 * The document to store for a text of `surface` whose readers are those of
 * `area` (domain/rich-documents.ts documentAreaOf). `field` names the body in
 * the request, as the 400's details name it.
 */
export async function documentToSave(
  store: TableStore,
  projectId: string,
  content: RichDoc,
  { surface, area, field = 'body.body' }: { surface: DocumentSurface; area: Area; field?: string },
): Promise<StoredDocument> {
  // Too large already without its images: refused before any read.
  if (storedSize({ content }) > storedDocumentBytes[surface]) throw tooLarge(field);
  const resolved = await resolveDocumentImages(store, projectId, content, area);
  if ('problem' in resolved) {
    throw validationFailed('The body is not valid.', [{ field: [field, ...resolved.problem.path].join('.'), message: resolved.problem.message }]);
  }
  const stored = documentFields({ content, media: resolved.media });
  if (storedSize(stored) > storedDocumentBytes[surface]) throw tooLarge(field);
  return stored;
}

/** What a response says of a stored document. */
export interface DocumentReply {
  body: string;
  content: RichDoc;
  media?: PresignedMedia;
}

/** The wire's fields of a stored document: its plain text, the document and its images' URLs (for a reader the handler let in). */
export async function documentReply(stored: StoredDocument, { withMedia = true }: { withMedia?: boolean } = {}): Promise<DocumentReply> {
  const media = withMedia ? await presignMedia(stored.media) : undefined;
  return { body: docToPlainText(stored.content), content: stored.content, ...(media ? { media } : {}) };
}

/** An item that holds a document, as the wire shows it: its other fields, and the document's reply fields in place of the stored ones. */
export async function withDocumentReply<T extends StoredDocument>({ content, media, ...rest }: T, options?: { withMedia?: boolean }): Promise<Omit<T, 'content' | 'media'> & DocumentReply> {
  return { ...rest, ...(await documentReply({ content, media }, options)) };
}
