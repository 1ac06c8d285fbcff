/**
 * A small stateful stand-in for an Exchange mailbox, enough for the batch operations: it keeps the items
 * it created, answers GetItem with them, applies SetItemField updates, deletes (ErrorItemNotFound the
 * second time), adds attachments and sends drafts. Requests are read and responses written with the
 * project's own reader and writer, so every answer is schema-shaped.
 */
import type { ServerResponse } from 'node:http';
import { schema } from '../../../generated/schema';
import { writeElement } from '../../../src/runtime/writer';
import type { RecordedRequest } from '../../support/loopback-server';
import { soapResponse } from '../../support/soap';
import { NOT_FOUND_TEXT } from './exchange-xml';
import { parseRequest, type SentRequest } from './scripted-transport';

interface StoredItem {
  readonly element: string;
  readonly properties: Record<string, unknown>;
  changeKey: number;
  attachments: number;
}

type Message = Record<string, unknown>;

export class FakeMailbox {
  readonly items = new Map<string, StoredItem>();
  private created = 0;

  /** The response envelope for a request. */
  answer(request: SentRequest): string {
    const messages = this.handle(request.operation, request.body);
    const xml = writeElement(schema, `m:${request.operation}Response`, { ResponseMessages: messages });
    return soapResponse(xml.replace(/^<\?xml[^>]*\?>/, ''));
  }

  /** A loopback-server handler serving this mailbox over HTTP. */
  readonly handler = (request: RecordedRequest, response: ServerResponse): void => {
    const answer = this.answer(parseRequest(request.body, request.headers.soapaction as string | undefined));
    response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
    response.end(answer);
  };

  private handle(operation: string, body: any): Message[] { // eslint-disable-line @typescript-eslint/no-explicit-any
    const tag = `${operation}ResponseMessage`;
    switch (operation) {
      case 'CreateItem':
        return body.Items.map((entry: Message) => {
          const { $el, ...properties } = entry;
          const id = `AAMkADEwAAA${String(++this.created).padStart(5, '0')}=`;
          this.items.set(id, { element: $el as string, properties, changeKey: 0, attachments: 0 });
          const sent = body.MessageDisposition === 'SendOnly' || body.MessageDisposition === 'SendAndSaveCopy';
          if (sent) this.items.delete(id);
          return success(tag, { Items: sent ? [] : [this.idOnly(id)] });
        });
      case 'GetItem':
        return body.ItemIds.map((ref: { Id: string }) => this.withItem(tag, ref.Id, (item) => ({
          Items: [{ ...this.idOnly(ref.Id), ...item.properties, ...(item.element === 'CalendarItem' && { IsRecurring: item.properties.Recurrence !== undefined }) }],
        })));
      case 'UpdateItem':
        return body.ItemChanges.map((change: { ItemId: { Id: string }; Updates: Message[] }) => this.withItem(tag, change.ItemId.Id, (item) => {
          for (const update of change.Updates) {
            if (update.$el === 'SetItemField') Object.assign(item.properties, update[item.element] ?? update.Item);
          }
          item.changeKey += 1;
          return { Items: [this.idOnly(change.ItemId.Id)], ConflictResults: { Count: 0 } };
        }));
      case 'DeleteItem':
      case 'SendItem':
        return body.ItemIds.map((ref: { Id: string }) => this.withItem(tag, ref.Id, () => {
          this.items.delete(ref.Id);
          return {};
        }));
      case 'CreateAttachment':
        return body.Attachments.map((attachment: Message) => this.withItem(tag, body.ParentItemId.Id, (item) => {
          item.changeKey += 1;
          item.attachments += 1;
          const AttachmentId = { Id: `${body.ParentItemId.Id}:att${item.attachments}`, RootItemId: body.ParentItemId.Id, RootItemChangeKey: changeKeyOf(item) };
          return { Attachments: [{ $el: attachment.$el, AttachmentId }] };
        }));
      default:
        throw new Error(`FakeMailbox does not implement ${operation}`);
    }
  }

  private idOnly(id: string): Message {
    const item = this.items.get(id)!;
    return { $el: item.element, ItemId: { Id: id, ChangeKey: changeKeyOf(item) } };
  }

  private withItem(tag: string, id: string, act: (item: StoredItem) => Message): Message {
    const item = this.items.get(id);
    if (item) return success(tag, act(item));
    const withItems = tag === 'GetItemResponseMessage' || tag === 'UpdateItemResponseMessage';
    return { $el: tag, ResponseClass: 'Error', MessageText: NOT_FOUND_TEXT, ResponseCode: 'ErrorItemNotFound', DescriptiveLinkKey: 0, ...(withItems && { Items: [] }) };
  }
}

function success(tag: string, content: Message): Message {
  return { $el: tag, ResponseClass: 'Success', ResponseCode: 'NoError', ...content };
}

function changeKeyOf(item: StoredItem): string {
  return `DwAAABYAAA${item.changeKey}`;
}
