/**
 * ExportItems and UploadItems. Exchange exports an item as an opaque full-fidelity blob (its Data, in
 * base64) that only UploadItems reads back; the simulator's blob is its own stored record — element,
 * properties and attachments — behind a format marker, so an export/upload round trip keeps everything
 * the simulator knows about the item. The blob is a JSON header line and then the file attachments' bytes,
 * so that it is written from a source while the answer is sent (large attachments are never one string
 * in the simulator either). Upload: CreateNew adds a new item to ParentFolderId, Update
 * replaces the item ItemId names (keeping its id), UpdateOrCreate does whichever applies.
 */
import type * as m from '../../../generated/messages';
import type { OperationTypes } from '../../../generated/operations';
import type * as t from '../../../generated/types';
import type { NewerType, OperationOf } from '../../schema/release-types';
import type { Mailbox } from '../store/mailbox';
import type { BinarySource } from '../../runtime/binary-source';
import { generatedContent } from '../store/generated-content';
import type { ItemData, ItemElement, StoredAttachment, StoredItem } from '../store/records';
import type { OperationContext } from './context';
import { ResponseError } from './errors';
import { resolveFolder, resolveItem } from './id-resolution';
import { respond, type ResponseElement, type StatusProperties } from './response-messages';

// ExportItems and UploadItems are Exchange 2010 SP1's. In an SDK generated from an older release's
// schema, which lacks them (its simulator then never serves them), these types are `never`/`any`.
type ExportItems = OperationOf<'ExportItems'>;
type UploadItems = OperationOf<'UploadItems'>;
type UploadItem = NewerType<OperationTypes[UploadItems]['request']>['Items'][number];
const EXPORT_MESSAGE = 'ExportItemsResponseMessage' as NewerType<Extract<ResponseElement, 'ExportItemsResponseMessage'>>;
const UPLOAD_MESSAGE = 'UploadItemsResponseMessage' as NewerType<Extract<ResponseElement, 'UploadItemsResponseMessage'>>;
type ExportPayload = Omit<NewerType<Extract<m.ArrayOfResponseMessagesTypeEntry, { $el: 'ExportItemsResponseMessage' }>>, StatusProperties>;
type UploadPayload = Omit<NewerType<Extract<m.ArrayOfResponseMessagesTypeEntry, { $el: 'UploadItemsResponseMessage' }>>, StatusProperties>;

const EXPORT_FORMAT = 'typed-ews-simulator-export/2';

/** The blob's header line; each attachment with `contentBytes` has that many bytes of content after it, in order. */
interface ExportedItem {
  readonly format: typeof EXPORT_FORMAT;
  readonly element: ItemElement;
  readonly data: ItemData;
  readonly attachments: readonly (Pick<StoredAttachment, 'element' | 'data'> & { readonly contentBytes?: number })[];
}

/** Properties the store computes: not carried in the blob, recomputed on upload. */
const SERVER_COMPUTED = new Set(['ItemId', 'ParentFolderId', 'Attachments', 'HasAttachments', 'Size']);

export const exportItems = (
  context: OperationContext, request: NewerType<OperationTypes[ExportItems]['request']>,
): NewerType<OperationTypes[ExportItems]['response']> => ({
  ResponseMessages: request.ItemIds.map((id: t.ItemIdType) => respond(EXPORT_MESSAGE, {}, (): ExportPayload => {
    const { mailbox, item, occurrence } = resolveItem(context, id);
    if (occurrence) throw new ResponseError('ErrorInvalidOperation', 'An occurrence cannot be exported on its own; export its recurring master.');
    return { ItemId: mailbox.itemId(item), Data: exportBlob(item) as unknown as string };
  })),
});

export const uploadItems = (
  context: OperationContext, request: NewerType<OperationTypes[UploadItems]['request']>,
): NewerType<OperationTypes[UploadItems]['response']> => ({
  ResponseMessages: request.Items.map((upload: UploadItem) => respond(UPLOAD_MESSAGE, {}, (): UploadPayload => ({ ItemId: uploadOne(context, upload) }))),
});

/** The two handlers under their operation names, which an SDK generated from an older schema does not have. */
export const exportUploadHandlers = { ExportItems: exportItems, UploadItems: uploadItems } as Record<string, unknown> as {
  readonly [K in ExportItems | UploadItems]: (context: OperationContext, request: OperationTypes[K]['request']) => OperationTypes[K]['response'];
};

/** The item's blob as a source: the header, then each file attachment's content, read as the answer is sent. */
function exportBlob(item: StoredItem): BinarySource {
  const data = Object.fromEntries(Object.entries(item.data).filter(([name]) => !SERVER_COMPUTED.has(name))) as ItemData;
  const contents: (Buffer | BinarySource)[] = [];
  const attachments = item.attachments.map(({ element, data: { Content, ...rest }, generated }) => {
    const content = generated ? generatedContent(generated) : typeof Content === 'string' ? Buffer.from(Content, 'base64') : undefined;
    if (content === undefined) return { element, data: rest };
    contents.push(content);
    return { element, data: rest, contentBytes: Buffer.isBuffer(content) ? content.length : content.size! };
  });
  const header = Buffer.from(`${JSON.stringify({ format: EXPORT_FORMAT, element: item.element, data, attachments } satisfies ExportedItem)}\n`, 'utf8');
  const size = contents.reduce((sum, content) => sum + (Buffer.isBuffer(content) ? content.length : content.size!), header.length);
  return {
    size,
    async *open() {
      yield header;
      for (const content of contents) {
        if (Buffer.isBuffer(content)) yield content;
        else yield* content.open();
      }
    },
  };
}

function uploadOne(context: OperationContext, upload: UploadItem): t.ItemIdType {
  const exported = readBlob(upload.Data);
  const { mailbox, folder } = resolveFolder(context, { FolderId: upload.ParentFolderId });
  const existing = upload.CreateAction === 'CreateNew' ? undefined : existingItem(context, upload);
  if (upload.CreateAction === 'Update' && !existing) throw new ResponseError('ErrorItemNotFound', 'The specified object was not found in the store.');
  if (existing) {
    if (existing.folderKey !== folder.key) throw new ResponseError('ErrorInvalidParentFolder', 'The item is not in the given parent folder.');
    if (existing.element !== exported.element) throw new ResponseError('ErrorObjectTypeChanged');
    const kept = { DateTimeCreated: existing.data.DateTimeCreated };
    existing.data = { ...structuredClone(exported.data), ...kept };
    existing.attachments = attachmentsFor(mailbox, exported);
    mailbox.recordChange(existing, Object.keys(exported.data));
    return mailbox.itemId(existing);
  }
  const created = mailbox.addItem(exported.element, structuredClone(exported.data), folder.key);
  created.attachments = attachmentsFor(mailbox, exported);
  if (created.attachments.length > 0) mailbox.recordChange(created, ['Attachments']);
  if (upload.IsAssociated !== undefined) created.data.IsAssociated = upload.IsAssociated;
  return mailbox.itemId(created);
}

function existingItem(context: OperationContext, upload: UploadItem): StoredItem | undefined {
  if (!upload.ItemId) {
    if (upload.CreateAction === 'Update') throw new ResponseError('ErrorMissingArgument', 'Update needs the ItemId of the item to replace.');
    return undefined;
  }
  try {
    return resolveItem(context, upload.ItemId).item;
  } catch (error) {
    if (error instanceof ResponseError && error.code === 'ErrorItemNotFound') return undefined;
    throw error;
  }
}

function attachmentsFor(mailbox: Mailbox, exported: ExportedItem): StoredAttachment[] {
  return exported.attachments.map(({ element, data }) => ({ key: mailbox.allocateKey(), element, data: structuredClone(data) }));
}

/** A blob this simulator exported (contents put back as each attachment's Content); anything else is corrupt data, as Exchange answers a foreign blob. */
function readBlob(data: string): ExportedItem {
  const bytes = Buffer.from(data, 'base64');
  const newline = bytes.indexOf(0x0a);
  let parsed: Partial<ExportedItem> | undefined;
  try {
    parsed = JSON.parse(bytes.subarray(0, newline < 0 ? bytes.length : newline).toString('utf8')) as Partial<ExportedItem>;
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.format !== EXPORT_FORMAT || typeof parsed.element !== 'string' || typeof parsed.data !== 'object' || !Array.isArray(parsed.attachments)) {
    throw corrupt();
  }
  let offset = newline + 1;
  const attachments = parsed.attachments.map(({ element, data: attachment, contentBytes }) => {
    if (contentBytes === undefined) return { element, data: attachment };
    if (!Number.isInteger(contentBytes) || contentBytes < 0 || offset + contentBytes > bytes.length) throw corrupt();
    const content = bytes.subarray(offset, offset += contentBytes).toString('base64');
    return { element, data: { ...attachment, Content: content } };
  });
  if (offset !== bytes.length) throw corrupt();
  return { ...(parsed as ExportedItem), attachments };
}

function corrupt(): ResponseError {
  return new ResponseError('ErrorCorruptData', 'The upload data is not an exported item.');
}
