/**
 * How a rich-text document is kept on its item (issue 10): `content`, the
 * validated document (never HTML), and `media`, the object keys of the images
 * it shows (material-media.ts). Items written before rich text have `body`, a
 * plain string, and no `content`: they read as paragraphs, one per line, and
 * the next write of the item stores them as a document (and drops `body`).
 * Every repository of a surface that holds rich text (pages, forum, diary,
 * Home posts) reads its items through `storedDocument`.
 */
import { plainToDoc } from '../domain/rich-text-core.ts';
import type { RichDoc } from '../domain/rich-text.ts';
import type { StoredMedia } from './material-media.ts';

/** A document as an item keeps it. */
export interface StoredDocument {
  content: RichDoc;
  /** The images it shows, by fileId; absent when it shows none. */
  media?: StoredMedia;
}

/** The item's document: its `content`, or, for an item written before rich text, its plain `body` as paragraphs. */
export function storedDocument(item: Record<string, unknown>): RichDoc {
  return (item.content as RichDoc | undefined) ?? plainToDoc((item.body as string | undefined) ?? '');
}

/**
 * An item's stored fields read as a StoredDocument, the plain `body` dropped
 * (what a repository hands the handlers): `{ ...rest, content, media? }`.
 */
export function withStoredDocument<T extends Record<string, unknown>>(item: T): Omit<T, 'body' | 'content' | 'media'> & StoredDocument {
  const { body: _body, content: _content, media, ...rest } = item;
  const stored = media && Object.keys(media as object).length > 0 ? { media: media as StoredMedia } : {};
  return { ...rest, content: storedDocument(item), ...stored };
}

/** What a write stores of a document: the content, and the media only when it shows images. */
export function documentFields(document: StoredDocument): StoredDocument {
  return document.media && Object.keys(document.media).length > 0 ? { content: document.content, media: document.media } : { content: document.content };
}
