import { useSearchParams } from 'react-router';

/** Cursors seen per list and filter, so 上一页 works and going back finds the page it left. */
const cursorsByFilter = new Map<string, (string | undefined)[]>();

/**
 * A cursor-paged list whose filters and page number live in the address (?status=…&page=3): `page`
 * and its `cursor` to request, `record(nextCursor)` once the page answered, and `update(changes)`
 * to change filters (which returns to the first page) or the page. A page whose cursor this tab
 * never saw (an address typed or bookmarked) starts from the first.
 */
export function useAddressPaging(list: string, filters: readonly unknown[]) {
  const [search, setSearch] = useSearchParams();
  const key = JSON.stringify([list, ...filters]);
  const cursors = cursorsByFilter.get(key) ?? [undefined];
  cursorsByFilter.set(key, cursors);
  const requested = Math.max(1, Number(search.get('page') ?? '1') || 1);
  const page = requested <= cursors.length ? requested : 1;
  const update = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
      if (value) params.set(name, value);
      else params.delete(name);
    }
    if (!('page' in changes)) params.delete('page');
    setSearch(params);
  };
  const record = (next: string | undefined) => {
    if (next && cursors.length === page) cursors.push(next);
  };
  return { search, page, cursor: cursors[page - 1], record, update };
}
