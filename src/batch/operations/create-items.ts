/**
 * createItems: CreateItem for many items of any kind (`{ $el: 'CalendarItem', ... }`), then
 * CreateAttachment for the attachments of each created item, reflected in that item's response.
 *
 * As in the Managed API, a message with attachments that is to be sent is first saved as a draft
 * (MessageDisposition SaveOnly), then gets its attachments, then is sent with SendItem, so that it never
 * leaves without them. Meeting invitations go out with CreateItem itself, before attachments are added.
 * Nothing here is sent again when its outcome is unknown: the item may exist.
 */
import type { CreateItemType } from '../../../generated/messages';
import type {
  CalendarItemCreateOrDeleteOperationType, MessageDispositionType, TargetFolderIdType,
} from '../../../generated/types';
import type { NonEmptyArrayOfAllItemsTypeEntryInput } from '../../../generated/inputs';
import type { CallOptions } from '../../client/exchange-client';
import { overallResult } from '../../client/response-messages';
import { ItemInputError, ItemRequestFailedError } from '../errors';
import { targetFolder } from '../../schema/folders';
import type { BaseItemIdEntry, FolderRef } from '../inputs';
import { ProgressCounter } from '../progress';
import {
  collectionOf, isFailure, responseOf, type ItemResponse, type RealItem, type ServiceResponse, type ServiceResponseCollection,
} from '../results';
import type { UnitOutcome } from '../scheduler';
import { addAttachments, type AttachedItem, type AttachmentEntry, type AttachmentResponse, type AttachmentTarget } from './attachments';
import { itemResponse } from './get-items';
import { defined, prepareOrReject, type BatchCallOptions, type BatchContext } from './run-items';
import { answersOf } from '../answers';
import { refusalCheck } from '../input-check';

/**
 * An item to create, tagged with its element: `{ $el: 'CalendarItem', Subject, Start, End, ... }`; dates
 * may be `Date`s, and the elements the server computes (ItemId, DateTimeCreated, IsRecurring…) are not offered.
 */
export type NewItem = NonEmptyArrayOfAllItemsTypeEntryInput;

export interface CreateItemsOptions extends BatchCallOptions {
  /** Folder for the new items (or for the sent copy of messages); the default folder of each kind when absent. */
  readonly savedItemFolderId?: FolderRef;
  /** Required for messages: SaveOnly, SendOnly or SendAndSaveCopy. */
  readonly messageDisposition?: MessageDispositionType;
  /** Required for calendar items: whether meeting invitations go out. */
  readonly sendMeetingInvitations?: CalendarItemCreateOrDeleteOperationType;
}

export interface CreateItemResponse extends ItemResponse {
  /** One response per attachment of the input item, in order, once the item was created; else empty. */
  readonly attachments: readonly AttachmentResponse[];
  /** For a message with attachments and a sending disposition: the SendItem that followed. */
  readonly sent?: ServiceResponse;
}

interface PreparedItem {
  readonly entry: NewItem;
  readonly attachments: readonly AttachmentEntry[];
  /** Saved as a draft, given its attachments, then sent. */
  readonly draftFirst: boolean;
}

export async function createItems(
  context: BatchContext, items: readonly NewItem[], options: CreateItemsOptions,
): Promise<ServiceResponseCollection<CreateItemResponse>> {
  return new CreateItemsRun(context, items, options).run();
}

/** One createItems call: its inputs, the outcome of each step per item, and the progress. */
class CreateItemsRun {
  private readonly call: CallOptions;
  private readonly batchSize?: number;
  private readonly folder?: TargetFolderIdType;
  private readonly disposition?: MessageDispositionType;
  private readonly invitations?: CalendarItemCreateOrDeleteOperationType;
  private readonly progress: ProgressCounter;
  private readonly prepared = new Map<number, PreparedItem>();
  private readonly rejected = new Map<number, UnitOutcome>();
  private readonly created = new Map<number, UnitOutcome>();
  private readonly attached = new Map<number, AttachedItem>();
  private readonly sent = new Map<number, UnitOutcome>();

  constructor(private readonly context: BatchContext, private readonly items: readonly NewItem[], options: CreateItemsOptions) {
    const { savedItemFolderId, messageDisposition, sendMeetingInvitations, onProgress, batchSize, ...call } = options;
    this.call = call;
    this.batchSize = batchSize;
    this.disposition = messageDisposition;
    this.invitations = sendMeetingInvitations;
    this.folder = savedItemFolderId === undefined ? undefined : targetFolder(savedItemFolderId);
    this.progress = new ProgressCounter(items.length, onProgress);
  }

  async run(): Promise<ServiceResponseCollection<CreateItemResponse>> {
    this.prepare();
    await this.create();
    await this.attach();
    await this.sendDrafts();
    return collectionOf(this.items.map((_, position): CreateItemResponse => {
      const rejection = this.rejected.get(position);
      if (rejection) return { ...responseOf(rejection), attachments: [] };
      return combine(this.itemAt(position), this.created.get(position)!, this.attached.get(position), this.sent.get(position));
    }));
  }

  private prepare(): void {
    const sends = this.disposition === 'SendOnly' || this.disposition === 'SendAndSaveCopy';
    this.items.forEach((item, position) => {
      const result = prepareOrReject({ prepare: (i: NewItem) => prepareItem(i, sends) }, item);
      if (result.ok) return this.prepared.set(position, result.value);
      this.rejected.set(position, result.rejection);
      this.progress.settle(true);
    });
  }

  /** Step 1: CreateItem. Drafts-to-send go in requests of their own, since their request differs. */
  private async create(): Promise<void> {
    const positions = [...this.prepared.keys()];
    await Promise.all([
      this.createGroup(positions.filter((p) => !this.itemAt(p).draftFirst), defined({
        MessageDisposition: this.disposition, SendMeetingInvitations: this.invitations, SavedItemFolderId: this.folder,
      })),
      this.createGroup(this.drafts(), defined({ MessageDisposition: 'SaveOnly', SendMeetingInvitations: this.invitations })),
    ]);
  }

  private async createGroup(group: number[], request: Omit<CreateItemType, 'Items'>): Promise<void> {
    const { client, scheduler } = this.context;
    const refusal = refusalCheck(client, 'CreateItem', (item: NewItem) => ({ ...request, Items: [item] }), 'items', 'Items');
    await scheduler.run({
      operation: 'CreateItem',
      inputs: group.map((p) => this.itemAt(p).entry),
      send: (Items, options) => answersOf(client, 'CreateItem', { ...request, Items }, options),
      checkInput: (k) => refusal(this.itemAt(group[k]).entry, group[k]),
      onSettled: (k, outcome) => {
        this.created.set(group[k], outcome);
        // An item with attachments is done only after the next step.
        if (isFailure(outcome) || this.itemAt(group[k]).attachments.length === 0) this.progress.settle(isFailure(outcome));
      },
    }, { call: this.call, batchSize: this.batchSize });
  }

  /** Step 2: CreateAttachment for each created item that has attachments. */
  private async attach(): Promise<void> {
    const targets: AttachmentTarget[] = [];
    for (const [position, { attachments }] of this.prepared) {
      const outcome = this.created.get(position)!;
      if (attachments.length === 0 || isFailure(outcome)) continue;
      const parentId = createdId(outcome);
      if (parentId === undefined) this.progress.settle(true); // reported by combine() as a failed step
      else targets.push({ position, parentId, attachments });
    }
    const results = await addAttachments(this.context, targets, this.call, (position, failed) => {
      if (failed || !this.itemAt(position).draftFirst) this.progress.settle(failed);
    });
    targets.forEach((target, i) => this.attached.set(target.position, results[i]));
  }

  /** Step 3: SendItem for the drafts whose attachments are all there. */
  private async sendDrafts(): Promise<void> {
    const ready = this.drafts().filter((p) => this.attached.get(p)?.responses.every((r) => r.result !== 'Error'));
    const save = this.disposition === 'SendAndSaveCopy';
    const request = defined({ SaveItemToFolder: save, SavedItemFolderId: save ? this.folder : undefined });
    const { client, scheduler } = this.context;
    await scheduler.run({
      operation: 'SendItem',
      inputs: ready.map((p) => draftId(createdId(this.created.get(p)!)!, this.attached.get(p)!.changeKey)),
      send: (ItemIds, options) => answersOf(client, 'SendItem', { ...request, ItemIds }, options),
      onSettled: (k, outcome) => {
        this.sent.set(ready[k], outcome);
        this.progress.settle(isFailure(outcome));
      },
    }, { call: this.call, batchSize: this.batchSize });
  }

  private drafts(): number[] {
    return [...this.prepared.keys()].filter((p) => this.itemAt(p).draftFirst);
  }

  private itemAt(position: number): PreparedItem {
    return this.prepared.get(position)!;
  }
}

function prepareItem(item: NewItem, sends: boolean): PreparedItem {
  if (item === null || typeof item !== 'object' || typeof item.$el !== 'string') {
    throw new ItemInputError('an item to create is tagged with its element, e.g. { $el: "CalendarItem", Subject: "..." }');
  }
  // Response objects (ReplyToItem…) have no Attachments property; every real item type does.
  const withAttachments = item as NewItem & { Attachments?: AttachmentEntry[] };
  if (withAttachments.Attachments === undefined) return { entry: item, attachments: [], draftFirst: false };
  const { Attachments, ...entry } = withAttachments;
  return { entry: entry as NewItem, attachments: Attachments, draftFirst: sends && Attachments.length > 0 };
}

function createdId(outcome: UnitOutcome): string | undefined {
  return itemResponse(outcome).item?.ItemId?.Id;
}

function draftId(Id: string, ChangeKey: string | undefined): BaseItemIdEntry {
  return ChangeKey === undefined ? { $el: 'ItemId', Id } : { $el: 'ItemId', Id, ChangeKey };
}

/**
 * One response for all the steps of an item: the created item with its latest ChangeKey (none once it
 * was sent), the worst result of the steps, and the error of the first step that failed.
 */
function combine(item: PreparedItem, created: UnitOutcome, attached: AttachedItem | undefined, sent: UnitOutcome | undefined): CreateItemResponse {
  const response = itemResponse(created);
  if (isFailure(created) || item.attachments.length === 0) return { ...response, attachments: [] };
  const attachments = attached?.responses ?? [];
  const sentResponse = sent && responseOf(sent);
  const steps: ServiceResponse[] = [...(attached ? attachments : [missingIdResponse()]), ...(sentResponse ? [sentResponse] : [])];
  const failure = steps.find((step) => step.result === 'Error');
  const { item: createdItem, ...rest } = response;
  const latest = sent && !isFailure(sent) ? undefined : withChangeKey(createdItem, attached?.changeKey);
  return {
    ...rest,
    ...(latest && { item: latest }),
    result: overallResult([response, ...steps].map((step) => ({ responseClass: step.result }))),
    ...(failure && errorFieldsOf(failure)),
    attachments,
    ...(sentResponse && { sent: sentResponse }),
  };
}

function withChangeKey(item: RealItem | undefined, changeKey: string | undefined): RealItem | undefined {
  if (!item?.ItemId || changeKey === undefined) return item;
  return { ...item, ItemId: { ...item.ItemId, ChangeKey: changeKey } };
}

function errorFieldsOf(failure: ServiceResponse): Partial<ServiceResponse> {
  const { errorCode, errorMessage, errorDetails, errorProperties, error } = failure;
  return { errorCode, errorMessage, errorDetails, errorProperties, ...(error && { error }) };
}

/** CreateItem succeeded without returning an id, so the item's attachments could not be added. */
function missingIdResponse(): ServiceResponse {
  const error = new ItemRequestFailedError('CreateAttachment', 'CreateItem returned no ItemId for this item', 'attachments not added');
  return responseOf({ kind: 'failed', error, resentAfterUnknownOutcome: false });
}
