/**
 * updateItems: UpdateItem for many changes (see item-changes.ts for `{ id, set, append, delete, paths }`).
 * Never sent again when the outcome is unknown: appends would repeat and meeting updates go out twice.
 * A ChangeKey conflict is that item's ErrorIrresolvableConflict; ConflictResults is `conflictCount`.
 */
import type { UpdateItemResponseMessageType } from '../../../generated/messages';
import type { CalendarItemUpdateOperationType, ConflictResolutionType, MessageDispositionType } from '../../../generated/types';
import { targetFolder } from '../../schema/folders';
import type { FolderRef } from '../inputs';
import type { ItemResponse, ServiceResponseCollection } from '../results';
import type { UnitOutcome } from '../scheduler';
import { itemResponse } from './get-items';
import { itemChangeOf, type ItemChange } from './item-changes';
import { defined, runItems, type BatchCallOptions, type BatchContext } from './run-items';
import { answersOf } from '../answers';
import { refusalCheck } from '../input-check';

export interface UpdateItemsOptions extends BatchCallOptions {
  /** AutoResolve by default, as the Managed API's common use; AlwaysOverwrite or NeverOverwrite otherwise. */
  readonly conflictResolution?: ConflictResolutionType;
  /** Required by Exchange when messages are updated. */
  readonly messageDisposition?: MessageDispositionType;
  /** Required by Exchange when calendar items are updated. */
  readonly sendMeetingInvitationsOrCancellations?: CalendarItemUpdateOperationType;
  readonly suppressReadReceipts?: boolean;
  readonly savedItemFolderId?: FolderRef;
}

export interface UpdateItemResponse extends ItemResponse {
  /** ConflictResults/Count: conflicts Exchange resolved (AutoResolve) for this item. */
  readonly conflictCount?: number;
}

export async function updateItems(
  { client, scheduler }: BatchContext, changes: readonly ItemChange[], options: UpdateItemsOptions,
): Promise<ServiceResponseCollection<UpdateItemResponse>> {
  const { conflictResolution, messageDisposition, sendMeetingInvitationsOrCancellations, suppressReadReceipts, savedItemFolderId, ...batch } = options;
  const request = defined({
    ConflictResolution: conflictResolution ?? 'AutoResolve',
    MessageDisposition: messageDisposition,
    SendMeetingInvitationsOrCancellations: sendMeetingInvitationsOrCancellations,
    SuppressReadReceipts: suppressReadReceipts,
    SavedItemFolderId: savedItemFolderId === undefined ? undefined : targetFolder(savedItemFolderId),
  });
  return runItems(scheduler, changes, {
    operation: 'UpdateItem',
    prepare: (change) => itemChangeOf(change, client.schema),
    send: (ItemChanges, call) => answersOf(client, 'UpdateItem', { ...request, ItemChanges }, call),
    toResponse: updateResponse,
    refusal: refusalCheck(client, 'UpdateItem', (change) => ({ ...request, ItemChanges: [change] }), 'changes', 'ItemChanges'),
  }, batch);
}

function updateResponse(outcome: UnitOutcome): UpdateItemResponse {
  const count = outcome.kind === 'answered' ? (outcome.message.payload as UpdateItemResponseMessageType).ConflictResults?.Count : undefined;
  return { ...itemResponse(outcome), ...(count !== undefined && { conflictCount: count }) };
}
