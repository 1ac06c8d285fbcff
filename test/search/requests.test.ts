/**
 * The requests findItems / findFolders send: the seed's grouped search is exactly the pinned seed
 * request (test/client wire snapshot), every view, grouping and restriction form is schema-valid, and
 * what Exchange would reject is refused before anything is sent.
 */
import type { FindFolderType, FindItemType } from '../../generated/messages';
import { schema } from '../../generated/schema';
import { ExchangeClient } from '../../src/client/exchange-client';
import { writeElement } from '../../src/runtime/writer';
import { extendedField, indexedField } from '../../src/schema/paths';
import {
  and, contains, distinguishedFolder, findFolderRequest, findItemRequest, findItems, folderId, isEqualTo, isGreaterThanOrEqualTo,
  not, or, propertySet, queryString, TooManySortFieldsError, type ItemView, type SortField,
} from '../../src/search';
import { XsdValidator, type XsdValidationResult } from '../../src/validation/xsd-validator';
import { seedGroupedFindItem } from '../support/seed-requests';
import { RecordingTransport, soapResponse } from '../support/soap';
import { findItemResponse, group, messages, recordedSearch } from './support';

const seedView: ItemView = {
  pageSize: 50, offset: 0, basePoint: 'Beginning',
  propertySet: propertySet('IdOnly', ['item:Subject', 'item:DateTimeReceived', 'message:From']),
  orderBy: [{ path: 'item:DateTimeReceived', direction: 'Descending' }],
};
const seedGrouping = { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' } as const;

/** The first `n` of five sortable item properties. */
function sortFields(n: number): SortField[] {
  return (['item:Importance', 'item:Size', 'item:Subject', 'item:DateTimeReceived', 'item:DateTimeSent'] as const).slice(0, n).map((path) => ({ path }));
}

const unreadReports = and(
  isEqualTo('message:IsRead', false),
  or(contains('item:Subject', 'report', { mode: 'Substring', comparison: 'IgnoreCase' }), isGreaterThanOrEqualTo('item:DateTimeReceived', new Date('2026-01-01T00:00:00Z'))),
  not(contains('item:Categories', 'Archive', { mode: 'FullString', comparison: 'Exact' })),
);

/** Every request this file checks, by the name its test uses. */
const itemRequests: Record<string, FindItemType> = {
  'the seed grouped search': findItemRequest(['inbox'], seedView, seedGrouping),
  'an And/Or/Not/Contains restriction': findItemRequest(['inbox'], { pageSize: 10 }, undefined, unreadReports),
  'an AQS query': findItemRequest(['inbox'], { pageSize: 10 }, undefined, queryString('subject:report AND from:bob', { returnHighlightTerms: true })),
  'indexed and extended paths': findItemRequest(['contacts'], { pageSize: 10 }, undefined, or(
    isEqualTo(indexedField('contacts:EmailAddress', 'EmailAddress1'), 'bob@contoso.com'),
    isEqualTo(extendedField({ PropertyTag: '0x0E07', PropertyType: 'Integer' }), 1),
  )),
  'a fractional view': findItemRequest(['inbox'], { kind: 'fractional', numerator: 1, denominator: 2, pageSize: 20 }),
  'a seek-to-condition view': findItemRequest(['inbox'], {
    kind: 'seekToCondition', condition: isGreaterThanOrEqualTo('item:DateTimeReceived', '2026-03-01T00:00:00Z'), basePoint: 'End', pageSize: 20,
  }),
  'a calendar view with a Date bound': findItemRequest(['calendar'], { kind: 'calendar', start: new Date('2026-11-01T00:00:00Z'), end: '2026-12-01T00:00:00Z', pageSize: 100 }),
  'a DistinguishedGroupBy on ConversationTopic': findItemRequest(['inbox'], { pageSize: 20 }, { standardGroupBy: 'ConversationTopic', sortDirection: 'Descending' }),
  'an associated-items search of a folder id and another mailbox\'s inbox': findItemRequest(
    [folderId('AAMkAGI2', 'AQAAAA=='), distinguishedFolder('inbox', 'bob@contoso.com')], { pageSize: 5, traversal: 'Associated' },
  ),
  'a grouping with four sort fields': findItemRequest(['inbox'], { pageSize: 5, orderBy: sortFields(4) }, seedGrouping),
};
const folderRequest: FindFolderType = findFolderRequest(
  ['msgfolderroot'], { pageSize: 100, traversal: 'Deep', propertySet: propertySet('IdOnly', ['folder:DisplayName']) },
  contains('folder:DisplayName', 'Project', { mode: 'Prefixed', comparison: 'IgnoreCase' }),
);

const verdicts = new Map<string, XsdValidationResult>();
beforeAll(async () => {
  // One libxml2 run for all of them: each run compiles the whole EWS schema set.
  const documents = [
    ...Object.entries(itemRequests).map(([name, body]) => ({ name, xml: writeElement(schema, 'm:FindItem', body) })),
    { name: 'a folder search', xml: writeElement(schema, 'm:FindFolder', folderRequest) },
  ];
  for (const verdict of await (await XsdValidator.shared()).validate(documents)) verdicts.set(verdict.name, verdict);
});

function expectSchemaValid(name: string): void {
  expect(verdicts.get(name)).toEqual({ name, valid: true, errors: [], issues: [] });
}

describe('the seed grouped search (first 50 inbox items by sender, newest first, groups by earliest item descending)', () => {
  it('builds exactly the seed FindItem body, which is schema-valid', () => {
    expect(itemRequests['the seed grouped search']).toStrictEqual(seedGroupedFindItem);
    expectSchemaValid('the seed grouped search');
  });

  it('sends byte for byte the envelope of the seed request that the wire snapshot pins', async () => {
    const search = recordedSearch([findItemResponse({ root: { offset: 0, total: 0, last: true }, content: '<t:Groups/>' })]);
    await findItems(search.client, 'inbox', seedView, seedGrouping);

    const pinned = new RecordingTransport(() => soapResponse(findItemResponse({ root: { last: true }, content: '<t:Groups/>' })));
    await new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport: pinned, version: 'Exchange2013_SP1', timeZone: 'UTC' })
      .call('FindItem', seedGroupedFindItem);
    expect(search.envelopes).toEqual([String(pinned.requests[0].body)]);
  });
});

describe('restrictions in requests', () => {
  it('an And/Or/Not/Contains restriction serializes schema-valid, operands in document order', () => {
    const xml = writeElement(schema, 'm:FindItem', itemRequests['an And/Or/Not/Contains restriction']);
    expect(xml).toContain('<m:Restriction><t:And><t:IsEqualTo><t:FieldURI FieldURI="message:IsRead"/><t:FieldURIOrConstant><t:Constant Value="false"/>');
    expect(xml).toContain('<t:Or><t:Contains ContainmentMode="Substring" ContainmentComparison="IgnoreCase"><t:FieldURI FieldURI="item:Subject"/><t:Constant Value="report"/></t:Contains>');
    expect(xml).toContain('<t:Constant Value="2026-01-01T00:00:00.000Z"/>');
    expect(xml).toContain('<t:Not><t:Contains ContainmentMode="FullString" ContainmentComparison="Exact"><t:FieldURI FieldURI="item:Categories"/>');
    expectSchemaValid('an And/Or/Not/Contains restriction');
  });

  it('an AQS query becomes m:QueryString with its flags instead of a restriction, schema-valid', () => {
    const request = itemRequests['an AQS query'];
    expect(request.QueryString).toEqual({ $value: 'subject:report AND from:bob', ReturnHighlightTerms: true });
    expect(request.Restriction).toBeUndefined();
    expectSchemaValid('an AQS query');
  });

  it('comparisons on indexed and extended paths are schema-valid', () => {
    expectSchemaValid('indexed and extended paths');
  });
});

describe('views, groupings and folders', () => {
  it.each([
    'a fractional view', 'a seek-to-condition view', 'a calendar view with a Date bound', 'a DistinguishedGroupBy on ConversationTopic',
    'an associated-items search of a folder id and another mailbox\'s inbox', 'a grouping with four sort fields',
  ])('%s is schema-valid', (name) => {
    expectSchemaValid(name);
  });

  it('each view kind becomes its own paging element', () => {
    expect(itemRequests['a fractional view'].FractionalPageItemView).toEqual({ MaxEntriesReturned: 20, Numerator: 1, Denominator: 2 });
    expect(itemRequests['a seek-to-condition view'].SeekToConditionPageItemView).toEqual({
      MaxEntriesReturned: 20, BasePoint: 'End',
      Condition: { IsGreaterThanOrEqualTo: { FieldURI: { FieldURI: 'item:DateTimeReceived' }, FieldURIOrConstant: { Constant: { Value: '2026-03-01T00:00:00Z' } } } },
    });
    expect(itemRequests['a calendar view with a Date bound'].CalendarView).toEqual({ MaxEntriesReturned: 100, StartDate: '2026-11-01T00:00:00.000Z', EndDate: '2026-12-01T00:00:00Z' });
    expect(itemRequests['a DistinguishedGroupBy on ConversationTopic'].DistinguishedGroupBy).toEqual({ Order: 'Descending', StandardGroupBy: 'ConversationTopic' });
  });

  it('folder ids and another mailbox\'s distinguished folder become ParentFolderIds in order, with the traversal', () => {
    const request = itemRequests['an associated-items search of a folder id and another mailbox\'s inbox'];
    expect(request.Traversal).toBe('Associated');
    expect(request.ParentFolderIds).toEqual([
      { $el: 'FolderId', Id: 'AAMkAGI2', ChangeKey: 'AQAAAA==' },
      { $el: 'DistinguishedFolderId', Id: 'inbox', Mailbox: { EmailAddress: 'bob@contoso.com' } },
    ]);
  });

  it('a folder search with a restriction and a deep traversal is schema-valid', () => {
    expect(folderRequest).toMatchObject({ Traversal: 'Deep', IndexedPageFolderView: { MaxEntriesReturned: 100, Offset: 0, BasePoint: 'Beginning' } });
    expectSchemaValid('a folder search');
  });
});

describe('limits checked before sending', () => {
  it('a grouped search with five sort fields fails with TooManySortFieldsError and sends nothing', async () => {
    const search = recordedSearch([findItemResponse({ root: { last: true }, content: `<t:Groups>${group('0', messages('m', 1))}</t:Groups>` })]);
    const attempt = findItems(search.client, 'inbox', { pageSize: 10, orderBy: sortFields(5) }, seedGrouping);
    await expect(attempt).rejects.toThrow(TooManySortFieldsError);
    await expect(attempt).rejects.toMatchObject({ count: 5, max: 4, retryable: false });
    expect(search.requests).toEqual([]);
  });

  it('the same five sort fields are sent when the search is not grouped', async () => {
    const search = recordedSearch([findItemResponse({ root: { last: true, total: 0 }, content: '<t:Items/>' })]);
    await findItems(search.client, 'inbox', { pageSize: 10, orderBy: sortFields(5) });
    expect(search.requests).toHaveLength(1);
  });
});
