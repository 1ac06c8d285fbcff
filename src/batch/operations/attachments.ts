/**
 * The attachment step of createItems: CreateAttachment for the attachments of each created item, as the
 * Managed API does after CreateItem. One request per item (ParentItemId is single); its attachments are
 * the units, so "not processed" answers are retried attachment by attachment and nothing is attached
 * twice. Every attachment changes the item's ChangeKey: the latest RootItemChangeKey is kept.
 */
import type { AttachmentInfoResponseMessageType } from '../../../generated/messages';
import type { ArrayOfAttachmentsTypeEntry } from '../../../generated/types';
import type { CallOptions } from '../../client/exchange-client';
import { isFailure, responseOf, type ServiceResponse } from '../results';
import type { UnitOutcome } from '../scheduler';
import type { BatchContext } from './run-items';
import { answersOf, PartialAnswerError } from '../answers';
import type { ResponseMessage } from '../../client/response-messages';

export type AttachmentEntry = ArrayOfAttachmentsTypeEntry;

export interface AttachmentResponse extends ServiceResponse {
  /** The created attachment: its AttachmentId with RootItemId and RootItemChangeKey. */
  readonly attachment?: AttachmentEntry;
}

/** A created item and the attachments it still needs. */
export interface AttachmentTarget {
  /** The input position of the item. */
  readonly position: number;
  readonly parentId: string;
  readonly attachments: readonly AttachmentEntry[];
}

export interface AttachedItem {
  readonly responses: AttachmentResponse[];
  /** RootItemChangeKey after the last attachment that was added, if any was. */
  readonly changeKey?: string;
}

interface Unit {
  /** Index into the targets. */
  readonly target: number;
  readonly attachment: AttachmentEntry;
}

/**
 * Adds the attachments; resolves with one AttachedItem per target, in order. `onItemDone(position,
 * failed)` is called once per target when all of its attachments have a final outcome.
 */
export async function addAttachments(
  { client, scheduler }: BatchContext, targets: readonly AttachmentTarget[], call: CallOptions,
  onItemDone: (position: number, failed: boolean) => void,
): Promise<AttachedItem[]> {
  const units: Unit[] = [];
  const chunks: number[][] = [];
  targets.forEach((target, index) => {
    chunks.push(target.attachments.map((_, k) => units.length + k));
    for (const attachment of target.attachments) units.push({ target: index, attachment });
  });
  const latestChangeKey = new Map<number, string>();
  const remaining = targets.map((t) => t.attachments.length);
  const failedAny = targets.map(() => false);

  const outcomes = await scheduler.run({
    operation: 'CreateAttachment',
    inputs: units,
    chunks,
    send: async (batch, options) => {
      const target = batch[0].target;
      const noteChangeKeys = (messages: readonly ResponseMessage[]): void => {
        // A chunk holds one item's attachments and its retries run one after another, so the last
        // successful message seen is the item's latest state.
        for (const message of messages) {
          const key = attachmentOf(message.payload as AttachmentInfoResponseMessageType)?.AttachmentId?.RootItemChangeKey;
          if (message.responseClass !== 'Error' && key) latestChangeKey.set(target, key);
        }
      };
      try {
        const responseMessages = await answersOf(client, 'CreateAttachment', {
          ParentItemId: { Id: targets[target].parentId },
          Attachments: batch.map((u) => u.attachment),
        }, options);
        noteChangeKeys(responseMessages);
        return responseMessages;
      } catch (error) {
        if (error instanceof PartialAnswerError) noteChangeKeys(error.messages);
        throw error;
      }
    },
    onSettled: (unit, outcome) => {
      const target = units[unit].target;
      failedAny[target] ||= isFailure(outcome);
      if (--remaining[target] === 0) onItemDone(targets[target].position, failedAny[target]);
    },
  }, { call });

  const attached = targets.map((_, index): AttachedItem => {
    const changeKey = latestChangeKey.get(index);
    return { responses: [], ...(changeKey !== undefined && { changeKey }) };
  });
  outcomes.forEach((outcome, unit) => attached[units[unit].target].responses.push(attachmentResponse(outcome)));
  return attached;
}

function attachmentResponse(outcome: UnitOutcome): AttachmentResponse {
  const attachment = outcome.kind === 'answered' ? attachmentOf(outcome.message.payload as AttachmentInfoResponseMessageType) : undefined;
  return { ...responseOf(outcome), ...(attachment && { attachment }) };
}

function attachmentOf(payload: AttachmentInfoResponseMessageType): AttachmentEntry | undefined {
  return payload.Attachments?.[0];
}
