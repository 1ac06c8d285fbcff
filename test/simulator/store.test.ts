/**
 * The store: id formats and their decoding, mailbox lookup, seeded determinism, persistence, and the
 * clock-driven timestamps and change numbers every item carries.
 */
import type * as m from '../../generated/messages';
import { createItem } from '../../src/simulator/operations/create-item';
import { getItem } from '../../src/simulator/operations/get-item';
import { updateItem } from '../../src/simulator/operations/update-item';
import { ManualClock } from '../../src/simulator/store/clock';
import { decodeAttachmentId, decodeChangeKey, decodeFolderId, decodeItemId, encodeAttachmentId, encodeItemId, MalformedIdError } from '../../src/simulator/store/ids';
import { SimulatorState } from '../../src/simulator/store/state';
import { contextFor, createdIds, itemId, newWorld, only } from './fixtures';

const GUID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

describe('ids', () => {
  test('an item id looks like Exchange\'s and decodes back to mailbox, folder and item', () => {
    const id = encodeItemId({ mailboxGuid: GUID, folderKey: 7, itemKey: 123456 });
    expect(id).toMatch(/^AAMkA[A-Za-z0-9+/]+=*$/);
    expect(id).toHaveLength(152);
    expect(decodeItemId(id)).toEqual({ mailboxGuid: GUID, folderKey: 7, itemKey: 123456 });
  });

  test('an occurrence id carries its original start; an attachment id its parent and key', () => {
    const occurrence = { mailboxGuid: GUID, folderKey: 7, itemKey: 9, occurrenceStart: Date.parse('2024-03-20T14:00:00Z') };
    expect(decodeItemId(encodeItemId(occurrence))).toEqual(occurrence);
    const attachment = encodeAttachmentId({ item: { mailboxGuid: GUID, folderKey: 7, itemKey: 9 }, attachmentKey: 3 });
    expect(decodeAttachmentId(attachment)).toEqual({ item: { mailboxGuid: GUID, folderKey: 7, itemKey: 9 }, attachmentKey: 3 });
  });

  test.each([['not base64 at all', '***'], ['empty', ''], ['base64 of something else', Buffer.from('hello world').toString('base64')], ['non-canonical base64', 'AAMkA']])(
    '%s is malformed', (_name, id) => {
      expect(() => decodeItemId(id)).toThrow(MalformedIdError);
    });

  test('item ids and folder ids are not interchangeable', () => {
    const itemIdText = encodeItemId({ mailboxGuid: GUID, folderKey: 7, itemKey: 1 });
    expect(() => decodeFolderId(itemIdText)).toThrow(MalformedIdError);
  });

  test('change keys have Exchange\'s shape and carry their change number', () => {
    const world = newWorld();
    const [id] = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'x' }] }));
    expect(id.ChangeKey).toMatch(/^CQAAABYA[A-Za-z0-9+/]{32}$/);
    expect(decodeChangeKey(id.ChangeKey!)).toBe(world.alice.mailbox.currentChange);
  });
});

describe('SimulatorState', () => {
  test('finds mailboxes by SMTP address case-insensitively and refuses duplicates', () => {
    const state = new SimulatorState({ mailboxes: [{ smtpAddress: 'Dana.Diaz@Contoso.com', displayName: 'Dana Diaz' }] });
    expect(state.mailbox('dana.diaz@contoso.COM')!.identity.displayName).toBe('Dana Diaz');
    expect(state.mailbox('nobody@contoso.com')).toBeUndefined();
    expect(() => state.addMailbox({ smtpAddress: 'DANA.DIAZ@contoso.com' })).toThrow(/already exists/);
  });

  test('the same seed gives the same ids; another seed gives others', () => {
    const ids = (seed: string) => createdIds(createItem(newWorld(seed).alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'x' }] }))[0];
    expect(ids('one')).toEqual(ids('one'));
    expect(ids('one').Id).not.toBe(ids('two').Id);
  });

  test('toJSON/fromJSON restores mailboxes, items and ids, and new items after a restore get fresh ids', () => {
    const world = newWorld();
    const [id] = createdIds(createItem(world.alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'Persisted', Body: { BodyType: 'Text', $value: 'kept' } }] }));
    const restored = SimulatorState.fromJSON(JSON.parse(JSON.stringify(world.state)), { clock: world.clock });
    const alice = contextFor(restored, restored.mailbox('ALICE@contoso.com')!);
    const got = only<m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' }>(getItem(alice, { ItemShape: { BaseShape: 'Default' }, ItemIds: [itemId(id)] }));
    expect(got.Items[0]).toMatchObject({ ItemId: id, Subject: 'Persisted', Body: { $value: 'kept' } });
    const [next] = createdIds(createItem(alice, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'After' }] }));
    expect(next.Id).not.toBe(id.Id);
    expect(restored.mailbox('bob@contoso.com')!.identity).toEqual(world.bob.mailbox.identity);
  });

  test('fromJSON refuses a snapshot of an unknown format', () => {
    expect(() => SimulatorState.fromJSON({ format: 'other' } as never)).toThrow(/unknown simulator state format/);
  });

  test('timestamps follow the injected clock: created once, modified on each change, with a new ChangeKey', () => {
    const clock = new ManualClock('2024-05-01T10:00:00Z');
    const state = new SimulatorState({ clock, mailboxes: [{ smtpAddress: 'erin@contoso.com' }] });
    const erin = contextFor(state, state.mailbox('erin@contoso.com')!);
    const [id] = createdIds(createItem(erin, { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'v1' }] }));
    clock.advance(90_000);
    const updated = updateItem(erin, { ConflictResolution: 'AlwaysOverwrite', MessageDisposition: 'SaveOnly', ItemChanges: [{ ItemId: id, Updates: [{ $el: 'SetItemField', FieldURI: { FieldURI: 'item:Subject' }, Message: { Subject: 'v2' } }] }] });
    const newId = (updated.ResponseMessages[0] as m.UpdateItemResponseMessageType).Items[0].ItemId!;
    expect(newId.ChangeKey).not.toBe(id.ChangeKey);
    const got = only<m.ItemInfoResponseMessageType & { $el: 'GetItemResponseMessage' }>(getItem(erin, { ItemShape: { BaseShape: 'AllProperties' }, ItemIds: [itemId(newId)] }));
    expect(got.Items[0]).toMatchObject({ DateTimeCreated: '2024-05-01T10:00:00Z', LastModifiedTime: '2024-05-01T10:01:30Z', ItemClass: 'IPM.Note', Subject: 'v2' });
    expect(state.mailbox('erin@contoso.com')!.identity.displayName).toBe('erin');
  });
});
