/**
 * Test fixtures for the simulator: a seeded state with a manual clock and three mailboxes, contexts
 * to call handlers as one of them, and small builders for the request shapes tests repeat.
 */
import type * as m from '../../generated/messages';
import type * as t from '../../generated/types';
import type { OperationContext } from '../../src/simulator/operations/context';
import { ManualClock } from '../../src/simulator/store/clock';
import type { Mailbox } from '../../src/simulator/store/mailbox';
import { SimulatorState } from '../../src/simulator/store/state';

export interface World {
  readonly state: SimulatorState;
  readonly clock: ManualClock;
  readonly alice: OperationContext;
  readonly bob: OperationContext;
  readonly carol: OperationContext;
}

export function newWorld(seed = 'simulator-tests'): World {
  const clock = new ManualClock('2024-01-15T09:00:00Z');
  const state = new SimulatorState({
    seed,
    clock,
    mailboxes: [
      { smtpAddress: 'alice@contoso.com', displayName: 'Alice Anders' },
      { smtpAddress: 'bob@contoso.com', displayName: 'Bob Brown' },
      { smtpAddress: 'carol@contoso.com', displayName: 'Carol Cole' },
    ],
  });
  const as = (address: string): OperationContext => contextFor(state, state.mailbox(address)!);
  return { state, clock, alice: as('alice@contoso.com'), bob: as('bob@contoso.com'), carol: as('carol@contoso.com') };
}

export function contextFor(state: SimulatorState, mailbox: Mailbox): OperationContext {
  return { state, mailbox, requestServerVersion: 'Exchange2013_SP1' };
}

export const folder = (Id: t.DistinguishedFolderIdNameType): t.NonEmptyArrayOfBaseFolderIdsTypeEntry => ({ $el: 'DistinguishedFolderId', Id });
export const target = (Id: t.DistinguishedFolderIdNameType): t.TargetFolderIdType => ({ DistinguishedFolderId: { Id } });
export const itemId = (id: t.ItemIdType): t.NonEmptyArrayOfBaseItemIdsTypeEntry => ({ $el: 'ItemId', ...id });
export const fieldUri = (FieldURI: t.UnindexedFieldURIType): t.NonEmptyArrayOfPathsToElementTypeEntry => ({ $el: 'FieldURI', FieldURI });
export const mailboxOf = (EmailAddress: string, Name?: string): t.EmailAddressType => ({ EmailAddress, ...(Name ? { Name } : {}) });

/** The single ResponseMessages entry of a response, asserting it succeeded. */
export function only<T extends m.ArrayOfResponseMessagesTypeEntry>(response: { ResponseMessages: m.ArrayOfResponseMessagesTypeEntry[] }): T {
  if (response.ResponseMessages.length !== 1) throw new Error(`expected one response message, got ${response.ResponseMessages.length}`);
  const entry = response.ResponseMessages[0];
  if (entry.ResponseClass !== 'Success') throw new Error(`${entry.ResponseCode}: ${entry.MessageText}`);
  return entry as T;
}

/** The ids CreateItem returned, in order, asserting every message succeeded. */
export function createdIds(response: m.CreateItemResponseType): t.ItemIdType[] {
  return response.ResponseMessages.map((entry) => {
    if (entry.ResponseClass !== 'Success' || entry.$el !== 'CreateItemResponseMessage') throw new Error(`${entry.ResponseCode}: ${entry.MessageText}`);
    return entry.Items[0].ItemId!;
  });
}
