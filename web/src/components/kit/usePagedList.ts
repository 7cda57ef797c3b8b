/**
 * A list read page by page ("load more", see paging.ts) as Preact state:
 * the items read so far, whether more pages exist, the next page, and a
 * reload from the first page (after a change). `load` reads one page.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { cursorPages, type CursorPage } from './paging.ts';

export function usePagedList<Item>(load: (cursor: string | null) => Promise<CursorPage<Item>>) {
  const [items, setItems] = useState<Item[]>([]);
  const [done, setDone] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const loader = useRef(load);
  loader.current = load;
  const pages = useRef(cursorPages((cursor) => loader.current(cursor)));

  /** The next page, appended below; resolves to that page's items. */
  const more = useCallback(async (): Promise<Item[]> => {
    const reader = pages.current;
    const page = await reader.next();
    if (reader !== pages.current) return [];
    setItems((before) => [...before, ...page]);
    setDone(reader.done);
    setLoaded(true);
    return page;
  }, []);

  /** From the first page again (a reload started meanwhile wins); resolves to the first page's items. */
  const reload = useCallback(async (): Promise<Item[]> => {
    const reader = (pages.current = cursorPages((cursor) => loader.current(cursor)));
    const page = await reader.next();
    if (reader !== pages.current) return [];
    setItems(page);
    setDone(reader.done);
    setLoaded(true);
    return page;
  }, []);

  return { items, done, loaded, more, reload };
}
