/**
 * Paging iterators over ungrouped searches and folder searches: they follow the server's
 * IndexedPagingOffset / NumeratorOffset until IncludesLastItemInRange, request lazily, honour a
 * limit, and fail rather than loop when the server stops moving forward.
 */
import {
  EwsSearchError, InvalidSearchError, findAllFolders, findAllItems, findFolders, findItemPages, findItems, isGreaterThanOrEqualTo, queryString,
  UnexpectedSearchResponseError, type ItemView,
} from '../../src/search';
import { errorResponse, findFolderResponse, findItemResponse, item, messages, recordedSearch } from './support';

type SentView = { IndexedPageItemView?: unknown; FractionalPageItemView?: unknown; SeekToConditionPageItemView?: unknown; CalendarView?: unknown };
const viewsOf = (requests: unknown[]) => (requests as SentView[]).map((r) => r.IndexedPageItemView ?? r.FractionalPageItemView ?? r.SeekToConditionPageItemView ?? r.CalendarView);
const ids = (items: readonly { ItemId?: { Id: string } }[]) => items.map((i) => i.ItemId?.Id);

const itemsPage = (offset: number, last: boolean, content: string, total = 7) => findItemResponse({ root: { offset, total, last }, content: `<t:Items>${content}</t:Items>` });

describe('findAllItems over an indexed view', () => {
  const answers = [itemsPage(3, false, messages('a', 3)), itemsPage(6, false, messages('b', 3)), itemsPage(7, true, messages('c', 1))];

  it('yields 7 items of 3 pages in order, asking for offsets 0, 3 and 6', async () => {
    const search = recordedSearch(answers);
    const seen = [];
    for await (const found of findAllItems(search.client, 'inbox', { pageSize: 3 })) seen.push(found.ItemId?.Id);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1']);
    expect(viewsOf(search.requests)).toEqual([0, 3, 6].map((Offset) => ({ MaxEntriesReturned: 3, Offset, BasePoint: 'Beginning' })));
  });

  it('asks for the next page only when the consumer reaches it, and not at all after a break', async () => {
    const search = recordedSearch(answers);
    const requestsWhenYielded: number[] = [];
    for await (const found of findAllItems(search.client, 'inbox', { pageSize: 3 })) {
      requestsWhenYielded.push(search.requests.length);
      if (found.ItemId?.Id === 'b1') break;
    }
    expect(requestsWhenYielded).toEqual([1, 1, 1, 2]);
    expect(search.requests).toHaveLength(2);
  });

  it('a limit of 5 shrinks the last request to the 2 items still wanted', async () => {
    const search = recordedSearch([itemsPage(3, false, messages('a', 3)), itemsPage(5, false, messages('b', 2))]);
    const seen = [];
    for await (const found of findAllItems(search.client, 'inbox', { pageSize: 3 }, undefined, { limit: 5 })) seen.push(found.ItemId?.Id);
    expect(seen).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    expect(viewsOf(search.requests)).toEqual([{ MaxEntriesReturned: 3, Offset: 0, BasePoint: 'Beginning' }, { MaxEntriesReturned: 2, Offset: 3, BasePoint: 'Beginning' }]);
  });

  it('a limit of 0 sends nothing', async () => {
    const search = recordedSearch([]);
    for await (const found of findAllItems(search.client, 'inbox', { pageSize: 3 }, undefined, { limit: 0 })) throw new Error(`unexpected ${found.$el}`);
    expect(search.requests).toEqual([]);
  });

  it('a limit that is not a whole number is refused before sending', async () => {
    const search = recordedSearch([]);
    const iterate = async () => { for await (const found of findAllItems(search.client, 'inbox', { pageSize: 3 }, undefined, { limit: 2.5 })) void found; };
    await expect(iterate()).rejects.toThrow(InvalidSearchError);
    expect(search.requests).toEqual([]);
  });

  it('a server announcing more without moving IndexedPagingOffset forward fails instead of looping', async () => {
    const search = recordedSearch([itemsPage(3, false, messages('a', 3)), itemsPage(3, false, '')]);
    const pages = findItemPages(search.client, 'inbox', { pageSize: 3 });
    await expect((async () => { for await (const page of pages) void page; })()).rejects.toThrow(UnexpectedSearchResponseError);
    expect(search.requests).toHaveLength(2);
  });

  it('pages report totals and position as the server sent them', async () => {
    const search = recordedSearch(answers);
    const infos = [];
    for await (const { items, ...info } of findItemPages(search.client, 'inbox', { pageSize: 3 })) infos.push({ count: items.length, ...info });
    expect(infos).toEqual([
      { count: 3, totalCount: 7, moreAvailable: true, nextPageOffset: 3 },
      { count: 3, totalCount: 7, moreAvailable: true, nextPageOffset: 6 },
      { count: 1, totalCount: 7, moreAvailable: false, nextPageOffset: 7 },
    ]);
  });
});

describe('other views', () => {
  it('a fractional view follows NumeratorOffset / AbsoluteDenominator', async () => {
    const search = recordedSearch([
      findItemResponse({ root: { numerator: 2, denominator: 4, total: 4, last: false }, content: `<t:Items>${messages('a', 2)}</t:Items>` }),
      findItemResponse({ root: { numerator: 4, denominator: 4, total: 4, last: true }, content: `<t:Items>${messages('b', 2)}</t:Items>` }),
    ]);
    const seen = [];
    for await (const found of findAllItems(search.client, 'inbox', { kind: 'fractional', numerator: 0, denominator: 4, pageSize: 2 })) seen.push(found.ItemId?.Id);
    expect(seen).toEqual(['a1', 'a2', 'b1', 'b2']);
    expect(viewsOf(search.requests)).toEqual([{ MaxEntriesReturned: 2, Numerator: 0, Denominator: 4 }, { MaxEntriesReturned: 2, Numerator: 2, Denominator: 4 }]);
  });

  it('a seek-to-condition view continues as an indexed view from where the seek landed', async () => {
    const search = recordedSearch([itemsPage(12, false, messages('a', 2), 13), itemsPage(13, true, messages('b', 1), 13)]);
    const view: ItemView = { kind: 'seekToCondition', condition: isGreaterThanOrEqualTo('item:DateTimeReceived', '2026-03-01T00:00:00Z'), pageSize: 2 };
    const seen = [];
    for await (const found of findAllItems(search.client, 'inbox', view)) seen.push(found.ItemId?.Id);
    expect(seen).toEqual(['a1', 'a2', 'b1']);
    expect(viewsOf(search.requests)[1]).toEqual({ MaxEntriesReturned: 2, Offset: 12, BasePoint: 'Beginning' });
  });

  it('a calendar view is one page: expanded occurrences of different types, no second request', async () => {
    const occurrences = item('CalendarItem', 'o1', 'Weekly sync', '2026-11-20T10:00:00Z') + item('CalendarItem', 'o2', 'Weekly sync', '2026-11-20T10:00:00Z') +
      item('MeetingRequest', 'o3', 'Quarterly review', '2026-11-20T11:00:00Z');
    const search = recordedSearch([findItemResponse({ root: { total: 5, last: false }, content: `<t:Items>${occurrences}</t:Items>` })]);
    const pages = [];
    for await (const page of findItemPages(search.client, 'calendar', { kind: 'calendar', start: '2026-11-24T00:00:00Z', end: '2027-02-01T00:00:00Z', pageSize: 3 })) pages.push(page);
    expect(pages.map((p) => [ids(p.items), p.moreAvailable])).toEqual([[['o1', 'o2', 'o3'], true]]);
    expect(search.requests).toHaveLength(1);
  });
});

describe('several parent folders', () => {
  it('findItems returns one result per folder, in order', async () => {
    const search = recordedSearch([findItemResponse(
      { root: { offset: 2, total: 2, last: true }, content: `<t:Items>${messages('a', 2)}</t:Items>` },
      { root: { offset: 1, total: 1, last: true }, content: `<t:Items>${messages('b', 1)}</t:Items>` },
    )]);
    const results = await findItems(search.client, ['inbox', 'sentitems'], { pageSize: 10 });
    expect(results.map((r) => ids(r.items))).toEqual([['a1', 'a2'], ['b1']]);
  });

  it('findAllItems pages each folder in turn', async () => {
    const search = recordedSearch([itemsPage(2, false, messages('a', 2), 3), itemsPage(3, true, messages('b', 1), 3), itemsPage(1, true, messages('c', 1), 1)]);
    const seen = [];
    for await (const found of findAllItems(search.client, ['inbox', 'sentitems'], { pageSize: 2 })) seen.push(found.ItemId?.Id);
    expect(seen).toEqual(['a1', 'a2', 'b1', 'c1']);
    expect((search.requests as { ParentFolderIds: { Id: string }[] }[]).map((r) => r.ParentFolderIds[0].Id)).toEqual(['inbox', 'inbox', 'sentitems']);
  });

  it('a folder the server cannot search fails the search with its index, retryable when the server asks to back off', async () => {
    const busy = errorResponse('FindItem', 'ErrorServerBusy', 'The server cannot service this request right now.', '<t:Value Name="BackOffMilliseconds">5000</t:Value>');
    const attempt = findItems(recordedSearch([busy]).client, 'inbox', { pageSize: 10 });
    await expect(attempt).rejects.toThrow(EwsSearchError);
    await expect(attempt).rejects.toMatchObject({ responseCode: 'ErrorServerBusy', backOffMilliseconds: 5000, retryable: true, folderIndex: 0 });
  });

  it('a response with fewer messages than folders is an UnexpectedSearchResponseError', async () => {
    const search = recordedSearch([itemsPage(1, true, messages('a', 1))]);
    await expect(findItems(search.client, ['inbox', 'sentitems'], { pageSize: 10 })).rejects.toThrow(UnexpectedSearchResponseError);
  });
});

describe('AQS searches', () => {
  it('hand over the highlight terms the server returns', async () => {
    const body = findItemResponse({ root: { offset: 1, total: 1, last: true }, content: `<t:Items>${messages('a', 1)}</t:Items>` })
      .replace('</m:RootFolder>', '</m:RootFolder><m:HighlightTerms><t:Term><t:Scope>Subject</t:Scope><t:Value>report</t:Value></t:Term></m:HighlightTerms>');
    const results = await findItems(recordedSearch([body]).client, 'inbox', { pageSize: 10 }, undefined, queryString('report', { returnHighlightTerms: true }));
    expect(results.highlightTerms).toEqual([{ Scope: 'Subject', Value: 'report' }]);
  });
});

describe('findFolders', () => {
  const folder = (id: string, name: string) => `<t:Folder><t:FolderId Id="${id}" ChangeKey="AQAAAA=="/><t:DisplayName>${name}</t:DisplayName></t:Folder>`;
  const searchFolder = (id: string, name: string) => `<t:SearchFolder><t:FolderId Id="${id}" ChangeKey="AQAAAA=="/><t:DisplayName>${name}</t:DisplayName></t:SearchFolder>`;

  it('reads the folders of each type in order with the page position', async () => {
    const search = recordedSearch([findFolderResponse({ offset: 2, total: 5, last: false }, folder('f1', 'Projects') + searchFolder('f2', 'Unread'))]);
    const results = await findFolders(search.client, 'msgfolderroot', { pageSize: 2, traversal: 'Deep' });
    expect(results.folders.map((f) => [f.$el, f.DisplayName])).toEqual([['Folder', 'Projects'], ['SearchFolder', 'Unread']]);
    expect(results).toMatchObject({ totalCount: 5, moreAvailable: true, nextPageOffset: 2 });
    expect((search.requests[0] as { Traversal: string }).Traversal).toBe('Deep');
  });

  it('findAllFolders pages with the same machinery: 3 folders over 2 pages', async () => {
    const search = recordedSearch([
      findFolderResponse({ offset: 2, total: 3, last: false }, folder('f1', 'A') + folder('f2', 'B')),
      findFolderResponse({ offset: 3, total: 3, last: true }, folder('f3', 'C')),
    ]);
    const names = [];
    for await (const found of findAllFolders(search.client, 'inbox', { pageSize: 2 })) names.push(found.DisplayName);
    expect(names).toEqual(['A', 'B', 'C']);
    expect((search.requests as { IndexedPageFolderView: unknown }[]).map((r) => r.IndexedPageFolderView)).toEqual([
      { MaxEntriesReturned: 2, Offset: 0, BasePoint: 'Beginning' }, { MaxEntriesReturned: 2, Offset: 2, BasePoint: 'Beginning' },
    ]);
  });
});
