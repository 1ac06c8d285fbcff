/**
 * Every answer recorded from gromox, a real, independently written EWS server (test/fixtures/gromox),
 * read through ExchangeClient as a user would get it. Only the real faults throw (SOAP faults, 401, an
 * Autodiscover document where an EWS envelope belongs); everything else gives its items, ids and codes,
 * with the server's quirks turned into diagnostics or flags, never into lost results.
 */
import type { OperationName } from '../../generated/operations';
import { ExchangeClient, type CallResult } from '../../src/client/exchange-client';
import { EwsAuthenticationError, EwsMalformedResponseError, EwsSoapFaultError } from '../../src/client/errors';
import type { ResponseMessage } from '../../src/client/response-messages';
import { findItems, type ItemGrouping } from '../../src/search';
import { recordedAnswer, recordedRequest, ReplayTransport } from '../support/gromox';

const URL = 'https://gromox.example.test/EWS/Exchange.asmx';

async function replay(answer: string, requestName = answer): Promise<CallResult<any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const { operation, request } = recordedRequest(requestName);
  const client = new ExchangeClient({ url: URL, transport: new ReplayTransport([recordedAnswer(answer)]) });
  return client.call(operation as OperationName, request as never);
}

const codes = (messages: readonly ResponseMessage[]): string[] => messages.map((m) => `${m.responseClass}/${m.responseCode}`);
const payloads = (result: CallResult<any>): any[] => result.responseMessages.map((m) => m.payload); // eslint-disable-line @typescript-eslint/no-explicit-any
const SUCCESS = 'Success/NoError';

describe('gromox answers read through the client', () => {
  it.each([
    '01-GetFolder-calendar', '03-GetItem', '05-GetItem-after-update', '10-FindItem-inbox-plain', '15-FindFolder-msgfolderroot',
    '21-SyncFolderItems-inbox', '27-GetAttachment', '36-SyncFolderHierarchy',
  ])('%s: read whole, no diagnostics (nine fraction digits in DateTimeReceived are a dateTime)', async (name) => {
    const result = await replay(name);
    expect(result.diagnostics).toEqual([]);
    expect(result.serverVersion).toMatchObject({ Version: 'V2017_07_11', MajorVersion: 15, MajorBuildNumber: 847 });
    expect(codes(result.responseMessages).every((code) => code === SUCCESS)).toBe(true);
  });

  it('01 GetFolder: the calendar folder with its id', async () => {
    const [message] = payloads(await replay('01-GetFolder-calendar'));
    expect(message.Folders[0].$el).toBe('CalendarFolder');
    expect(message.Folders[0].FolderId.Id).toMatch(/^AAAA/);
  });

  it.each([
    ['02-CreateItem-3-calendar', 3], ['08-CreateItem-5-messages-inbox', 5], ['13-CreateItem-3-calendar-again', 3], ['29-CreateItem-trigger', 5],
  ])('%s: each created item with its ItemId and ChangeKey', async (name, count) => {
    const result = await replay(name);
    expect(codes(result.responseMessages)).toEqual(Array(count).fill(SUCCESS));
    for (const message of payloads(result)) expect(message.Items[0].ItemId).toEqual({ Id: expect.stringMatching(/=$/), ChangeKey: expect.any(String) });
  });

  it('03 and 05 GetItem: subjects before and after the update, start times as sent', async () => {
    expect(payloads(await replay('03-GetItem')).map((m) => m.Items[0].Subject)).toEqual(['Meeting One', 'Meeting Two', 'Meeting Three']);
    expect(payloads(await replay('03-GetItem'))[0].Items[0].Start).toBe('2026-12-01T09:00:00Z');
    expect(payloads(await replay('05-GetItem-after-update'))[0].Items[0].Subject).toBe('Meeting One (renamed)');
  });

  it('04 and 17 UpdateItem: the updated item id (NeverOverwrite with a stale ChangeKey is accepted by this server)', async () => {
    for (const name of ['04-UpdateItem-subject', '17-UpdateItem-stale-changekey-NeverOverwrite']) {
      const result = await replay(name);
      expect(codes(result.responseMessages)).toEqual([SUCCESS]);
      expect(payloads(result)[0].Items[0].ItemId.Id).toMatch(/=$/);
    }
  });

  it('06 and 07 DeleteItem: three deleted, then three ErrorItemNotFound with the server\'s text', async () => {
    expect(codes((await replay('06-DeleteItem-1st')).responseMessages)).toEqual([SUCCESS, SUCCESS, SUCCESS]);
    const again = await replay('07-DeleteItem-2nd');
    expect(codes(again.responseMessages)).toEqual(Array(3).fill('Error/ErrorItemNotFound'));
    expect(again.responseMessages.map((m) => m.messageText)).toEqual(Array(3).fill('E-3187: item not found'));
  });

  it('09 and 11: GroupBy and DistinguishedGroupBy ignored (a flat t:Items and an empty t:Groups) give the items, flagged', async () => {
    for (const name of ['09-FindItem-inbox-GroupBy-From', '11-FindItem-inbox-DistinguishedGroupBy']) {
      const client = new ExchangeClient({ url: URL, transport: new ReplayTransport([recordedAnswer(name)]) });
      const grouping: ItemGrouping = name.startsWith('09')
        ? { groupOn: 'message:From', aggregateOn: 'item:DateTimeReceived', aggregateType: 'Minimum', sortDirection: 'Descending' }
        : { standardGroupBy: 'ConversationTopic' };
      const result = await findItems(client, 'inbox', { pageSize: 50 }, grouping);
      expect(result.groupingIgnoredByServer).toBe(true);
      expect(result.itemGroups).toHaveLength(1);
      expect(result.itemGroups[0].items).toHaveLength(5);
      expect(result.itemGroups[0].items.every((item) => typeof item.ItemId?.Id === 'string')).toBe(true);
      expect(result.totalCount).toBe(5);
    }
  });

  it('10, 12 and 38 FindItem: the items and the paging state', async () => {
    // Offset 1, two at a time: items 2 and 3 of 5, next page at offset 3.
    const plain = payloads(await replay('10-FindItem-inbox-plain'))[0].RootFolder;
    expect([plain.Items.map((item: { Subject: string }) => item.Subject), plain.IndexedPagingOffset, plain.IncludesLastItemInRange, plain.TotalItemsInView])
      .toEqual([['Report A', 'Re: Report A'], 3, false, 5]);
    expect(payloads(await replay('12-FindItem-inbox-Restriction'))[0].RootFolder.Items.length).toBeGreaterThan(0);
    expect(payloads(await replay('38-FindItem-inbox-after-send')).map((m) => m.RootFolder.Items[0].Subject)).toEqual(['Sent via EWS to self 2', 'Sent via EWS to self 2']);
  });

  it('14 CalendarView: the two events, read without expanding (as this server answers)', async () => {
    const root = payloads(await replay('14-FindItem-calendar-CalendarView'))[0].RootFolder;
    expect(root.Items.map((item: { Subject: string }) => item.Subject)).toEqual(['Event One', 'Event Two']);
  });

  it('15 FindFolder: thirteen folders with their names', async () => {
    const root = payloads(await replay('15-FindFolder-msgfolderroot'))[0].RootFolder;
    expect(root.Folders).toHaveLength(13);
    expect(root.Folders.map((folder: { DisplayName: string }) => folder.DisplayName)).toEqual(expect.arrayContaining(['Inbox', 'Calendar', 'Sent Items']));
  });

  it('18 GetItem of a malformed id: ErrorInvalidId for that item, not an exception', async () => {
    expect(codes((await replay('18-GetItem-malformed-id')).responseMessages)).toEqual(['Error/ErrorInvalidId']);
  });

  it('20 ResolveNames, 31 GetUserAvailability, 35 GetUserOofSettings: read typed', async () => {
    expect(payloads(await replay('20-ResolveNames'))[0].ResolutionSet.Resolution[0].Mailbox.Name).toBe('Alice Example');
    const availability = await replay('31-GetUserAvailability');
    expect(availability.body).toBeDefined();
    expect(availability.diagnostics).toEqual([]);
    const oof = await replay('35-GetUserOofSettings');
    expect(oof.body.ResponseMessage.ResponseClass).toBe('Success');
  });

  it('21 SyncFolderItems and 36 SyncFolderHierarchy: the changes and the sync state to resume from', async () => {
    const items = payloads(await replay('21-SyncFolderItems-inbox'))[0];
    expect(items.SyncState).toMatch(/^AgACARdAEA/);
    expect(items.IncludesLastItemInRange).toBe(true);
    expect(items.Changes.length).toBeGreaterThanOrEqual(5);
    expect(items.Changes.every((change: { $el: string }) => change.$el === 'Create')).toBe(true);
    expect(payloads(await replay('36-SyncFolderHierarchy'))[0].Changes.length).toBeGreaterThanOrEqual(7);
  });

  it('23-28, 33, 34, 37: folder, copy, move, attachment, subscription and send answers', async () => {
    expect(payloads(await replay('23-CreateFolder'))[0].Folders[0].FolderId.Id).toMatch(/=$/);
    for (const name of ['24-CopyItem', '25-MoveItem']) expect(payloads(await replay(name))[0].Items[0].ItemId.Id).toMatch(/=$/);
    expect(payloads(await replay('26-CreateAttachment'))[0].Attachments[0].AttachmentId.Id).toBeTruthy();
    const attachment = payloads(await replay('27-GetAttachment'))[0].Attachments[0];
    expect([attachment.Name, Buffer.from(attachment.Content, 'base64').toString()]).toEqual(['hello.txt', 'Hello world']);
    expect(payloads(await replay('28-Subscribe-pull'))[0].SubscriptionId).toBe('AQAAAAoAAAA=');
    for (const name of ['33-EmptyFolder', '34-DeleteFolder', '37-CreateItem-SendAndSaveCopy-to-self']) {
      expect(codes((await replay(name)).responseMessages)).toEqual([SUCCESS]);
    }
  });

  it('30 GetEvents answered with m:x where the response message belongs: an Error for that item with a diagnostic, never "no events"', async () => {
    const result = await replay('30-GetEvents');
    expect(codes(result.responseMessages)).toEqual(['Error/ClientInvalidResponse']);
    expect(result.responseMessages[0].messageText).toMatch(/answered <x>/);
    expect(result.diagnostics).toEqual([expect.objectContaining({ action: 'raw', entryIndex: 0, path: expect.stringMatching(/m:ResponseMessages\/m:x\[0\]$/) })]);
    // Nothing is lost: the raw answer is there for whoever wants to read it.
    expect(payloads(result)[0].$xml).toContain('CreatedEvent');
  });

  it('39: an envelope with another prefix and no SOAP header is read like any other', async () => {
    const result = await replay('39-GetFolder-noheader-s-prefix');
    expect(codes(result.responseMessages)).toEqual([SUCCESS]);
  });
});

describe('gromox answers that are real failures of the request', () => {
  it('16 an operation it does not implement: EwsSoapFaultError with its text', async () => {
    await expect(replay('16-Unsupported-GetServerTimeZones')).rejects.toThrow(EwsSoapFaultError);
    await expect(replay('16-Unsupported-GetServerTimeZones')).rejects.toThrow(/Unknown request 'GetServerTimeZones'/);
  });

  it.each(['19-wrong-password', '22-no-auth'])('%s: EwsAuthenticationError naming the scheme it offers', async (name) => {
    const error = await replay(name, '01-GetFolder-calendar').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect((error as EwsAuthenticationError).offeredSchemes).toEqual(['Basic']);
  });

  it('32 a distinguished folder name it does not know, and 37a a send without transport: SOAP faults', async () => {
    await expect(replay('32-GetFolder-bad-distinguished')).rejects.toThrow(/"nosuchfolder" is not one of/);
    await expect(replay('37a-CreateItem-SendAndSaveCopy-sendmail-missing', '37-CreateItem-SendAndSaveCopy-to-self')).rejects.toThrow(/E-3117: failed to send mail/);
  });

  it('40 the POX Autodiscover document where an EWS envelope belongs: EwsMalformedResponseError naming what it found', async () => {
    const error = await replay('40-Autodiscover-POX', '01-GetFolder-calendar').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsMalformedResponseError);
    expect((error as Error).message).toMatch(/expected soap:Envelope .* found Autodiscover/);
  });
});
