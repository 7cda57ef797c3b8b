/**
 * Reading a list page by page from an API answer {items, nextCursor}: the
 * site's one pager. Its semantics are "load more": the next page is appended
 * below what is shown. The API's cursors only go forward (nextCursor, no
 * previous one), and a reader of a list wants what they already read to stay
 * in place, so there is no "older/newer" page switching anywhere.
 */
export interface CursorPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** Reads the pages one after the other; `done` once the last page was read. */
export function cursorPages<Item>(load: (cursor: string | null) => Promise<CursorPage<Item>>) {
  let cursor: string | null = null;
  let started = false;
  return {
    get done() {
      return started && !cursor;
    },
    async next(): Promise<Item[]> {
      const page = await load(cursor);
      started = true;
      cursor = page.nextCursor;
      return page.items;
    },
  };
}
