/**
 * Paging through a search, one request per page, as the server directs: the next indexed page starts
 * at IndexedPagingOffset, the next fractional page at NumeratorOffset/AbsoluteDenominator, and paging
 * ends with IncludesLastItemInRange. Only the current page is held, so memory stays flat however large
 * the folder; a `limit` caps the entries yielded (and shrinks the last request where Exchange allows).
 */
import type { CallOptions } from '../client/exchange-client';
import { InvalidSearchError, UnexpectedSearchResponseError } from './errors';
import { foldersOf, type FolderRef, type FolderScope } from './folders';
import type { PageInfo } from './results';
import type { FolderView, ItemView } from './views';

export interface PagingOptions extends CallOptions {
  /** Stop after this many entries (items, or folders); all of them when omitted. */
  readonly limit?: number;
}

/** How one kind of search is paged. */
export interface Pager<V, R extends PageInfo> {
  fetch(folder: FolderRef, view: V, options: CallOptions): Promise<R>;
  /** Entries (items or folders) on the page. */
  count(page: R): number;
  /** The page cut to its first `max` entries. */
  truncate(page: R, max: number): R;
  /** The view asking for at most `max` entries, where the entries counted are what MaxEntriesReturned counts. */
  shrink?(view: V, max: number): V;
  next(view: V, page: R): V | undefined;
}

/** Pages of each folder in turn, until the last page or the limit. */
export async function* pages<V extends { readonly pageSize?: number }, R extends PageInfo>(
  scope: FolderScope, view: V, pager: Pager<V, R>, options: PagingOptions,
): AsyncGenerator<R, void, undefined> {
  const { limit = Infinity, ...callOptions } = options;
  if (limit !== Infinity && !(Number.isInteger(limit) && limit >= 0)) throw new InvalidSearchError(`limit must be a whole number, zero or more, not ${limit}`);
  let remaining = limit;
  for (const folder of foldersOf(scope)) {
    for (let current: V | undefined = view; current && remaining > 0;) {
      const shrunk = pager.shrink && remaining < (current.pageSize ?? Infinity) ? pager.shrink(current, remaining) : current;
      let page = await pager.fetch(folder, shrunk, callOptions);
      if (pager.count(page) > remaining) page = pager.truncate(page, remaining);
      remaining -= pager.count(page);
      yield page;
      current = pager.next(current, page);
    }
  }
}

/** The view of the page after `page`; a seek view continues as an indexed view from where the seek landed. */
export function nextItemView(view: ItemView, page: PageInfo): ItemView | undefined {
  if (!page.moreAvailable) return undefined;
  switch (view.kind) {
    case 'calendar': return undefined; // a calendar view has no offset: narrow the date range instead
    case 'fractional': return { ...view, ...nextFraction(view, page) };
    case 'seekToCondition': {
      const { kind, condition, ...rest } = view;
      return { ...rest, offset: nextOffset(-1, page) };
    }
    default: return { ...view, offset: nextOffset(view.offset ?? 0, page) };
  }
}

export function nextFolderView(view: FolderView, page: PageInfo): FolderView | undefined {
  if (!page.moreAvailable) return undefined;
  return view.kind === 'fractional' ? { ...view, ...nextFraction(view, page) } : { ...view, offset: nextOffset(view.offset ?? 0, page) };
}

/** A server that says "more" without moving forward would page forever: that is an error, not the end. */
function nextOffset(current: number, page: PageInfo): number {
  const next = page.nextPageOffset;
  if (next === undefined || next <= current) {
    throw new UnexpectedSearchResponseError(`more results announced, but IndexedPagingOffset ${next} does not move past ${current}`);
  }
  return next;
}

function nextFraction(view: { numerator: number; denominator: number }, page: PageInfo): { numerator: number; denominator: number } {
  const next = page.nextFraction;
  if (!next || next.numerator / next.denominator <= view.numerator / view.denominator) {
    const got = next ? `${next.numerator}/${next.denominator}` : 'no NumeratorOffset';
    throw new UnexpectedSearchResponseError(`more results announced, but ${got} does not move past ${view.numerator}/${view.denominator}`);
  }
  return next;
}
