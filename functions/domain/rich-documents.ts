/**
 * The four places rich text is written (issue 10): pages, forum posts
 * (discussions, threads, replies), Home posts and Project Diary entries. For
 * each: the area its readers are those of (which decides the images it may
 * show: rich-text-images.ts) and how many bytes its stored document may take.
 * Pure data, no I/O.
 */
import type { Area } from './areas.ts';

export const documentSurfaces = ['page', 'forum-post', 'home-post', 'diary-entry'] as const;
export type DocumentSurface = (typeof documentSurfaces)[number];

/**
 * The area whose readers read a document of this surface:
 * - a page: its own area;
 * - a forum post: its discussion's area (threads and replies inherit it);
 * - a Home post: the public area — every member reads Home posts, visitors included;
 * - a diary entry: the public area — its readers are people outside the TwinSpace
 *   (the NSS, any signed-in teacher, the public page), so it shows only what
 *   anyone may see, whatever its visibility.
 */
export function documentAreaOf(surface: 'page' | 'forum-post', area: Area): Area;
export function documentAreaOf(surface: 'home-post' | 'diary-entry'): Area;
export function documentAreaOf(surface: DocumentSurface, area?: Area): Area {
  return surface === 'page' || surface === 'forum-post' ? area! : 'public';
}

/**
 * Bytes a stored document and its images' object keys may take together (as
 * JSON). An item holds 400 KB: a page keeps room for its other fields; a
 * diary entry keeps its replies' 280 KB budget (data/diary.ts), so its own
 * texts stay below 90 KB as before; a post is short text. The character limit
 * of each surface is the rule a writer meets; this one only stops documents
 * made of thousands of marks and links from overflowing the item.
 */
export const storedDocumentBytes: Readonly<Record<DocumentSurface, number>> = {
  page: 300_000,
  'forum-post': 200_000,
  'home-post': 100_000,
  'diary-entry': 88_000,
};

/** The stored size as the budget counts it: the document and its media as JSON, in UTF-8 bytes. */
export function storedSize(stored: { content: unknown; media?: unknown }): number {
  return new TextEncoder().encode(JSON.stringify({ content: stored.content, media: stored.media ?? {} })).byteLength;
}
