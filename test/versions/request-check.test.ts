import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsVersionError } from '../../src/versions/errors';
import { findVersionIssues } from '../../src/versions/request-check';
import { versionOfServer } from '../../src/versions/server-version';
import { schema } from '../../generated/schema';
import { decodeFacts, encodeFacts, factSince, searchFacts, versionLookup, type VersionFact } from '../../src/schema/version-facts';
import { RecordingTransport, soapResponse } from '../support/soap';

const M = 'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"';
const getRoomListsResponse = (version: string) => soapResponse(
  `<m:GetRoomListsResponse ${M} ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:RoomLists/></m:GetRoomListsResponse>`,
  `<h:ServerVersionInfo MajorVersion="14" MinorVersion="1" MajorBuildNumber="218" MinorBuildNumber="15" Version="${version}" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types"/>`,
);
const op = (name: string) => schema.operations[name];

describe('version facts from the historical schema sets', () => {
  it('dates operations, elements, enumeration values and Online-only items by the set that first has them', () => {
    const facts = versionLookup(schema.versions!);
    const setOf = (fact: VersionFact | undefined) => schema.versions!.sets[fact as number].name;
    expect(setOf(facts.operation('GetRoomLists'))).toBe('exchange2010-sp1');
    expect(facts.operation('GetItem')).toBeUndefined(); // in the oldest set: no fact
    expect(setOf(facts.member('CalendarItemType', 'StartTimeZoneId'))).toBe('exchange2013-sp1');
    expect(setOf(facts.member('DistinguishedFolderIdNameType', '=recoverableitemsdiscoveryholds'))).toBe('exchange2016');
    expect(setOf(facts.operation('UpdateExtensionUsage'))).toBe('ews');
    expect(schema.versions!.sets.filter((s) => s.doubtful).map((s) => s.name)).toEqual(['exchange2013-sp1', 'exchange2016']);
  });

  it('never starts a fact at an edited type of the doubtful 2013 set (its structure is not evidence)', () => {
    const members = decodeFacts(schema.versions!.members.RestrictionType ?? '');
    expect(members.size).toBeGreaterThan(0);
    for (const fact of members.values()) expect(schema.versions!.sets[factSince(fact)].name).not.toBe('exchange2013-sp1');
  });

  it('encodes facts compactly and decodes them back, dropped ones included', () => {
    const text = encodeFacts([['FindPeople', 3], ['=folder:DistinguishedFolderId', [3, 4]]]);
    expect(text).toBe('FindPeople:3|=folder:DistinguishedFolderId:3-4');
    expect([...decodeFacts(text)]).toEqual([['FindPeople', 3], ['=folder:DistinguishedFolderId', [3, 4]]]);
  });

  it('finds one fact in encoded text as decoding the whole text would, for every operation and type fact of the schema', () => {
    const text = encodeFacts([['=folder:Id', 2], ['=folder', [3, 4]], ['Find', 5]]);
    expect(['=folder:Id', '=folder', 'Find', 'Fin', 'folder'].map((name) => searchFacts(text, name))).toEqual([2, [3, 4], 5, undefined, undefined]);
    for (const table of [schema.versions!.operations, schema.versions!.types]) {
      for (const [name, fact] of decodeFacts(table)) expect(searchFacts(table, name)).toEqual(fact);
    }
  });
});

describe('findVersionIssues', () => {
  it('reports an operation added in Exchange 2010 SP1 for an Exchange 2007 SP1 request', () => {
    const issues = findVersionIssues(schema, op('GetRoomLists'), {}, 'Exchange2007_SP1');
    expect(issues).toEqual([expect.objectContaining({ item: 'operation GetRoomLists', since: 'Exchange2010_SP1', source: 'exchange2010-sp1', path: '/' })]);
    expect(findVersionIssues(schema, op('GetRoomLists'), {}, 'Exchange2010_SP1')).toEqual([]);
  });

  it('names the path of an element added in Exchange 2013 inside a CreateItem', () => {
    const request = {
      Items: [{ $el: 'CalendarItem', Subject: 'Sync', StartTimeZoneId: 'W. Europe Standard Time' }],
    };
    const issues = findVersionIssues(schema, op('CreateItem'), request, 'Exchange2010_SP2');
    expect(issues).toEqual([expect.objectContaining({
      path: '/m:CreateItem/m:Items/t:CalendarItem/t:StartTimeZoneId', item: 'element t:StartTimeZoneId of CalendarItemType',
      since: 'Exchange2013_SP1', doubtfulSource: true,
    })]);
    expect(findVersionIssues(schema, op('CreateItem'), request, 'Exchange2013_SP1')).toEqual([]);
  });

  it('reports newer elements in schema order whatever the key order, and finds them behind a class instance\'s getters too', () => {
    const paths = (item: object) => findVersionIssues(schema, op('CreateItem'), { Items: [item] }, 'Exchange2010_SP2').map((issue) => issue.path);
    const expected = ['/m:CreateItem/m:Items/t:CalendarItem/t:StartTimeZoneId', '/m:CreateItem/m:Items/t:CalendarItem/t:EndTimeZoneId'];
    expect(paths({ $el: 'CalendarItem', EndTimeZoneId: 'UTC', Subject: 'Sync', StartTimeZoneId: 'UTC' })).toEqual(expected);
    class Appointment {
      readonly $el = 'CalendarItem';
      get StartTimeZoneId(): string {
        return 'UTC';
      }
      get EndTimeZoneId(): string {
        return 'UTC';
      }
    }
    expect(paths(new Appointment())).toEqual(expected);
  });

  it('reports an enumeration value added in Exchange 2016 in an attribute', () => {
    const request = { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'recoverableitemsdiscoveryholds' }] };
    const issues = findVersionIssues(schema, op('GetFolder'), request, 'Exchange2013_SP1');
    expect(issues).toEqual([expect.objectContaining({
      path: '/m:GetFolder/m:FolderIds/t:DistinguishedFolderId/@Id', item: 'value "recoverableitemsdiscoveryholds" of DistinguishedFolderIdNameType', since: 'Exchange2016',
    })]);
    expect(findVersionIssues(schema, op('GetFolder'), { ...request, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] }, 'Exchange2007_SP1')).toEqual([]);
  });

  it('reports an operation only Exchange Online has for an Exchange 2019 request', () => {
    const issues = findVersionIssues(schema, op('UpdateExtensionUsage'), {}, 'V2017_07_11');
    expect(issues[0]).toMatchObject({ item: 'operation UpdateExtensionUsage', since: 'V2018_01_08', source: 'ews' });
    expect(findVersionIssues(schema, op('UpdateExtensionUsage'), {}, 'V2018_01_08')).toEqual([]);
  });
});

describe('findVersionIssues on SOAP headers', () => {
  const getItem = { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [{ $el: 'ItemId', Id: 'AAMk' }] };

  it('reports DateTimePrecision, added in Exchange 2010 SP2, for an Exchange 2010 SP1 request', () => {
    const headers = [{ element: 't:DateTimePrecision', value: 'Milliseconds' }];
    expect(findVersionIssues(schema, op('GetItem'), getItem, 'Exchange2010_SP1', headers)).toEqual([expect.objectContaining({
      path: '/soap:Header/t:DateTimePrecision', item: 'header t:DateTimePrecision (DateTimePrecisionType)', since: 'Exchange2010_SP2', source: 'exchange2010-sp2',
    })]);
    expect(findVersionIssues(schema, op('GetItem'), getItem, 'Exchange2010_SP2', headers)).toEqual([]);
  });

  it('reports ManagementRole, first in the 2013 set, for an Exchange 2010 SP2 request', () => {
    const headers = [{ element: 't:ManagementRole', value: { UserRoles: ['Mailbox Search'] } }];
    expect(findVersionIssues(schema, op('FindItem'), {}, 'Exchange2010_SP2', headers)).toEqual([expect.objectContaining({
      path: '/soap:Header/t:ManagementRole', since: 'Exchange2013_SP1', source: 'exchange2013-sp1', doubtfulSource: true,
    })]);
  });

  it('reports what a header holds: ExchangeImpersonation by SmtpAddress needs Exchange 2010 SP1', () => {
    const headers = [{ element: 't:ExchangeImpersonation', value: { ConnectingSID: { SmtpAddress: 'alice@contoso.com' } } }];
    expect(findVersionIssues(schema, op('GetItem'), getItem, 'Exchange2007_SP1', headers)).toEqual([expect.objectContaining({
      path: '/soap:Header/t:ExchangeImpersonation/t:ConnectingSID/t:SmtpAddress', since: 'Exchange2010_SP1',
    })]);
    expect(findVersionIssues(schema, op('GetItem'), getItem, 'Exchange2010_SP1', headers)).toEqual([]);
  });
});

describe('ExchangeClient version check', () => {
  const url = 'https://mail.contoso.com/EWS/Exchange.asmx';

  it('refuses locally, sending nothing, a header option newer than the client version (dateTimePrecision before 2010 SP2)', async () => {
    const transport = new RecordingTransport(() => getRoomListsResponse('Exchange2010_SP1'));
    const client = new ExchangeClient({ url, transport, version: 'Exchange2010_SP1', dateTimePrecision: 'Milliseconds' });
    const error = await client.call('GetItem', { ItemShape: { BaseShape: 'IdOnly' }, ItemIds: [{ $el: 'ItemId', Id: 'AAMk' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsVersionError);
    expect((error as EwsVersionError).message).toContain('/soap:Header/t:DateTimePrecision: header t:DateTimePrecision (DateTimePrecisionType) needs Exchange2010_SP2');
    expect(transport.requests).toHaveLength(0);
  });

  it('version auto: a header option raises the oldest release the request is sent with (managementRole: the 2013 set)', async () => {
    const transport = new RecordingTransport(() => getRoomListsResponse('Exchange2013_SP1'));
    const client = new ExchangeClient({ url, transport, version: 'auto', managementRole: { userRoles: ['Mailbox Search'] } });
    // FindItem takes ManagementRole (GetRoomLists does not); the canned answer does not matter here.
    await client.call('FindItem', { Traversal: 'Shallow', ItemShape: { BaseShape: 'IdOnly' }, ParentFolderIds: [{ $el: 'DistinguishedFolderId', Id: 'inbox' }] }).catch(() => undefined);
    expect(/Version="([^"]+)"/.exec(transport.requests[0].body.toString())?.[1]).toBe('Exchange2013_SP1');
  });

  it('refuses locally, sending nothing, a request newer than the client version', async () => {
    const transport = new RecordingTransport(() => getRoomListsResponse('Exchange2010_SP1'));
    const client = new ExchangeClient({ url, transport, version: 'Exchange2007_SP1' });
    const error = await client.call('GetRoomLists', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsVersionError);
    expect((error as EwsVersionError).message).toContain('operation GetRoomLists needs Exchange2010_SP1');
    expect(transport.requests).toHaveLength(0);
  });

  it('only warns, and sends, with versionCheck: warn', async () => {
    const transport = new RecordingTransport(() => getRoomListsResponse('Exchange2010_SP1'));
    const warnings: EwsVersionError[] = [];
    const client = new ExchangeClient({ url, transport, version: 'Exchange2007_SP1', versionCheck: 'warn', onVersionWarning: (w) => warnings.push(w) });
    await client.call('GetRoomLists', {});
    expect(warnings.map((w) => w.issues[0].item)).toEqual(['operation GetRoomLists']);
    expect(transport.requests).toHaveLength(1);
  });

  it('version auto: sends the oldest release the request needs, then the release the server reported', async () => {
    const transport = new RecordingTransport(() => getRoomListsResponse('Exchange2010_SP1'));
    const client = new ExchangeClient({ url, transport, version: 'auto' });
    await client.call('GetRoomLists', {});
    await client.call('GetRoomLists', {});
    const sentVersions = transport.requests.map((r) => /Version="([^"]+)"/.exec(r.body.toString())?.[1]);
    expect(sentVersions).toEqual(['Exchange2010_SP1', 'Exchange2010_SP1']);
    const refused = await client.call('GetFolder', { FolderShape: { BaseShape: 'IdOnly' }, FolderIds: [{ $el: 'DistinguishedFolderId', Id: 'conversationhistory' }] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(EwsVersionError);
    expect((refused as EwsVersionError).version).toBe('Exchange2010_SP1');
  });

  it('maps ServerVersionInfo without a known Version attribute by its build numbers', () => {
    const order = schema.versions!.order;
    expect(versionOfServer(order, { MajorVersion: 14, MinorVersion: 2, MajorBuildNumber: 247 })).toBe('Exchange2010_SP2');
    expect(versionOfServer(order, { MajorVersion: 15, MinorVersion: 0, MajorBuildNumber: 847 })).toBe('Exchange2013_SP1');
    expect(versionOfServer(order, { Version: 'V2099_01_01', MajorVersion: 15, MinorVersion: 20 })).toBe('V2018_01_08');
  });
});
