/** Server-side paging of the front-page worklists: pure arithmetic, no I/O. */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Paging { page: number; pageSize: number; total: number; pages: number }

/**
 * Where a requested page lands: pages count from 1, a page past the end shows the last one (the list may
 * have shrunk since the link was made), and an empty list has one empty page.
 */
export function pageWindow(requested: number, pageSize: number, total: number): Paging & { offset: number } {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requested)), pages);
  return { page, pageSize, total, pages, offset: (page - 1) * pageSize };
}

/** One page of a list already in memory (lists whose membership a rule decides after the query). */
export function pageOf<T>(items: readonly T[], requested: number, pageSize: number): { items: T[]; paging: Paging } {
  const { offset, ...paging } = pageWindow(requested, pageSize, items.length);
  return { items: items.slice(offset, offset + pageSize), paging };
}

/**
 * The page numbers a DKFDS pagination shows: all of them up to seven pages; beyond that the first,
 * the last, and the current page's neighbours, with a gap ('…') where pages are left out.
 */
export function pageNumbers(page: number, pages: number): (number | 'gap')[] {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  const shown = page < 5 ? [1, 2, 3, 4, 5, pages] : page + 4 > pages ? [1, pages - 4, pages - 3, pages - 2, pages - 1, pages] : [1, page - 1, page, page + 1, pages];
  return shown.flatMap((n, i) => (i > 0 && n - shown[i - 1]! > 1 ? ['gap' as const, n] : [n]));
}
