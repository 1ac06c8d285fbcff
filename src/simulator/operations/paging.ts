/**
 * Paged views (IndexedPageItemView / IndexedPageFolderView, FractionalPageItemView / ...FolderView) and
 * the paging attributes of m:RootFolder, set as Exchange sets them:
 * - indexed: IndexedPagingOffset is where the next page starts (Offset + entries returned; for
 *   BasePoint End, the next offset from the end), TotalItemsInView, IncludesLastItemInRange;
 * - fractional: NumeratorOffset (next numerator over AbsoluteDenominator = the total);
 * - no paged view: only TotalItemsInView and IncludesLastItemInRange (true).
 * Grouped views page over rows, a header row per group plus its items (find-item.ts): Microsoft's
 * documented grouped responses (8 items in 2 groups give IndexedPagingOffset 10; 6 in 2 give 8) show
 * Exchange counting them so, and a client passes IndexedPagingOffset back as the next Offset.
 */
import type * as t from '../../../generated/types';
import { ResponseError } from './errors';

export interface PagedView {
  readonly indexed?: t.IndexedPageViewType;
  readonly fractional?: t.FractionalPageViewType;
}

export interface PageWindow {
  readonly start: number;
  readonly end: number;
}

export type PagingAttributes = Pick<t.FindItemParentType, 'IndexedPagingOffset' | 'NumeratorOffset' | 'AbsoluteDenominator' | 'IncludesLastItemInRange' | 'TotalItemsInView'>;

/** The slice [start, end) of `total` ordered entries the view selects. */
export function pageWindow(total: number, view: PagedView): PageWindow {
  const max = maxEntries(view.indexed ?? view.fractional);
  if (view.indexed) {
    const { Offset: offset, BasePoint: basePoint } = view.indexed;
    if (!Number.isInteger(offset) || offset < 0) throw new ResponseError('ErrorInvalidIndexedPagingParameters');
    if (basePoint === 'End') {
      const end = Math.max(total - offset, 0);
      return { start: Math.max(end - max, 0), end };
    }
    const start = Math.min(offset, total);
    return { start, end: Math.min(start + max, total) };
  }
  if (view.fractional) {
    const { Numerator: numerator, Denominator: denominator } = view.fractional;
    if (!(denominator > 0) || numerator < 0 || numerator > denominator) throw new ResponseError('ErrorInvalidFractionalPagingParameters');
    const start = Math.floor((total * numerator) / denominator);
    return { start, end: Math.min(start + max, total) };
  }
  return { start: 0, end: total };
}

export function pagingAttributes(total: number, window: PageWindow, view: PagedView): PagingAttributes {
  const returned = window.end - window.start;
  if (view.indexed) {
    const fromEnd = view.indexed.BasePoint === 'End';
    return {
      IndexedPagingOffset: fromEnd ? view.indexed.Offset + returned : window.end,
      TotalItemsInView: total,
      IncludesLastItemInRange: fromEnd ? window.start === 0 : window.end >= total,
    };
  }
  if (view.fractional) {
    return { NumeratorOffset: window.end, AbsoluteDenominator: total, TotalItemsInView: total, IncludesLastItemInRange: window.end >= total };
  }
  return { TotalItemsInView: total, IncludesLastItemInRange: true };
}

function maxEntries(view: t.BasePagingType | undefined): number {
  const max = view?.MaxEntriesReturned;
  if (max === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(max) || max < 1) throw new ResponseError('ErrorInvalidPagingMaxRows', 'MaxEntriesReturned must be at least 1.');
  return max;
}
