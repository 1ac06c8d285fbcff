/**
 * Every event kind the simulator's operations produce arrives, in order, with its ids, through each
 * mode: pull (GetEvents), streaming (GetStreamingEvents) and push (SendNotification to a listener).
 */
import type { ExchangeClient } from '../../src/client/exchange-client';
import {
  pullNotifications, PushNotificationListener, streamNotifications, subscribePush, type ChangeEvent, type NotificationEvent,
} from '../../src/notifications';
import { changes, Collector, createDrafts, waitFor, withSimulator } from './support';

interface Expected { readonly kind: ChangeEvent['kind']; readonly id: string; readonly oldId?: string }

/** Runs one of each change and returns the events it must cause, in order. */
async function makeEveryKindOfChange(client: ExchangeClient): Promise<Expected[]> {
  const expected: Expected[] = [];
  const folder = await client.call('CreateFolder', {
    ParentFolderId: { DistinguishedFolderId: { Id: 'msgfolderroot' } }, Folders: [{ $el: 'Folder', DisplayName: 'Projects' }],
  });
  const folderId = (folder.responseMessages[0].payload as { Folders: { FolderId: { Id: string } }[] }).Folders[0].FolderId.Id;
  expected.push({ kind: 'Created', id: folderId });

  const [draft] = await createDrafts(client, ['first']);
  expected.push({ kind: 'Created', id: draft });
  await client.call('UpdateItem', {
    ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly',
    ItemChanges: [{ ItemId: { Id: draft }, Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'renamed' } }] }],
  });
  expected.push({ kind: 'Modified', id: draft });
  const moved = await client.call('MoveItem', { ToFolderId: { FolderId: { Id: folderId } }, ItemIds: [{ $el: 'ItemId', Id: draft }] });
  const movedId = (moved.responseMessages[0].payload as { Items: { ItemId: { Id: string } }[] }).Items[0].ItemId.Id;
  expected.push({ kind: 'Moved', id: movedId, oldId: draft });
  const copied = await client.call('CopyItem', { ToFolderId: { DistinguishedFolderId: { Id: 'drafts' } }, ItemIds: [{ $el: 'ItemId', Id: movedId }] });
  const copyId = (copied.responseMessages[0].payload as { Items: { ItemId: { Id: string } }[] }).Items[0].ItemId.Id;
  expected.push({ kind: 'Copied', id: copyId, oldId: movedId }, { kind: 'Modified', id: copyId });
  await client.call('DeleteItem', { DeleteType: 'HardDelete', ItemIds: [{ $el: 'ItemId', Id: copyId }] });
  expected.push({ kind: 'Deleted', id: copyId });

  const meeting = await client.call('CreateItem', {
    SendMeetingInvitations: 'SendToNone', SavedItemFolderId: { DistinguishedFolderId: { Id: 'calendar' } },
    Items: [{ $el: 'CalendarItem', Subject: 'sync', Start: '2026-12-01T09:00:00Z', End: '2026-12-01T09:30:00Z' }],
  });
  const meetingId = (meeting.responseMessages[0].payload as { Items: { ItemId: { Id: string } }[] }).Items[0].ItemId.Id;
  expected.push({ kind: 'Created', id: meetingId }, { kind: 'FreeBusyChanged', id: meetingId });

  const mail = await client.call('CreateItem', {
    MessageDisposition: 'SaveOnly', SavedItemFolderId: { DistinguishedFolderId: { Id: 'inbox' } },
    Items: [{ $el: 'Message', Subject: 'new mail' }],
  });
  const mailId = (mail.responseMessages[0].payload as { Items: { ItemId: { Id: string } }[] }).Items[0].ItemId.Id;
  expected.push({ kind: 'Created', id: mailId }, { kind: 'NewMail', id: mailId });
  return expected;
}

function summary(events: readonly NotificationEvent[]): Expected[] {
  return changes(events).map((event) => ({
    kind: event.kind, id: (event.itemId ?? event.folderId)!.Id, ...(event.oldItemId && { oldId: event.oldItemId.Id }),
  }));
}

async function expectEveryKind(client: ExchangeClient, events: Collector): Promise<void> {
  const expected = await makeEveryKindOfChange(client);
  const seen = await events.until((so) => changes(so).length >= expected.length);
  expect(summary(seen)).toEqual(expected);
  const kinds = new Set(changes(seen).map((event) => event.kind));
  expect([...kinds].sort()).toEqual(['Copied', 'Created', 'Deleted', 'FreeBusyChanged', 'Modified', 'Moved', 'NewMail']);
  for (const event of changes(seen)) {
    expect(event.watermark).toEqual(expect.any(String));
    expect(event.parentFolderId.Id).toEqual(expect.any(String));
  }
  // Watermarks name each event once.
  expect(new Set(changes(seen).map((event) => event.watermark)).size).toBe(expected.length);
}

describe('every event kind, in order, with ids', () => {
  it('arrives through a pull subscription', async () => {
    await withSimulator({}, async (_sim, client) => {
      const stop = new AbortController();
      const events = new Collector(pullNotifications(client, { folders: 'all', pollIntervalMs: 5, signal: stop.signal }));
      // The subscription exists once the first Status event (answer to the first GetEvents) has arrived.
      await events.until((seen) => seen.length > 0);
      await expectEveryKind(client, events);
      stop.abort();
      await events.finished;
      expect(events.error).toBeUndefined();
    });
  });

  it('arrives through a streaming subscription', async () => {
    await withSimulator({}, async (sim, client) => {
      const stop = new AbortController();
      const events = new Collector(streamNotifications(client, { folders: 'all', signal: stop.signal }));
      await waitFor(() => sim.notifications.streamingConnectionCount() === 1);
      await expectEveryKind(client, events);
      stop.abort();
      await events.finished;
      expect(events.error).toBeUndefined();
    });
  });

  it('arrives through a push subscription, each SendNotification answered OK', async () => {
    await withSimulator({}, async (_sim, client) => {
      const listener = new PushNotificationListener();
      const url = await listener.listen();
      await subscribePush(client, { url, folders: 'all' });
      const events = new Collector(listener.events());
      await expectEveryKind(client, events);
      await listener.close();
      await events.finished;
    });
  });
});
