/**
 * typed-ews driven the way an application would: `client.call(operation, typedRequest)`, or, with
 * `stream`, `client.stream(...)` for the batch operations (one response message in memory at a time)
 * and `streamItems` for FindItem (one item at a time, with its group).
 */
import { Readable } from 'node:stream';
import { basicAuth } from '../../src/client/auth/basic';
import { ExchangeClient } from '../../src/client/exchange-client';
import type { Transport } from '../../src/client/transport';
import type { ResponseMessage } from '../../src/client/response-messages';
import type { ArrayOfResponseMessagesTypeEntry } from '../../generated/messages';
import { appointments, itemIds, type Appointment } from '../fixtures/workload';
import { createItemRequest, deleteItemRequest, findItemGroupedRequest, getItemRequest } from '../requests/typed-ews-requests';
import { socketSizedChunks, type BenchClient, type Endpoint, type Outcome, type ScenarioName, type TimedCall } from './bench-client';
import { BENCH_PASSWORD, BENCH_USER } from './credentials';
import { nodeHttpTransport } from './node-http-transport';

export function typedEwsClient(options: { stream?: boolean; nodeHttp?: boolean } = {}): BenchClient {
  let client: ExchangeClient | undefined;
  return {
    prepare(scenario: ScenarioName, count: number, endpoint: Endpoint): TimedCall {
      const ews = (client = connect(endpoint, options.nodeHttp));
      switch (scenario) {
        case 'findItemGrouped': return () => (options.stream ? findItemGroupedStreamed(ews, count) : findItemGrouped(ews, count));
        case 'getItem': {
          const ids = itemIds(count);
          return () => (options.stream ? getItemStreamed(ews, ids) : getItem(ews, ids));
        }
        case 'createItem': {
          const data = appointments(count);
          return () => (options.stream ? createItemStreamed(ews, data) : createItem(ews, data));
        }
        case 'deleteItem': {
          const ids = itemIds(count);
          return () => (options.stream ? deleteItemStreamed(ews, ids) : deleteItem(ews, ids));
        }
      }
    },
    close: () => client?.close(),
  };
}

export function connect(endpoint: Endpoint, nodeHttp = false): ExchangeClient {
  const auth = basicAuth(BENCH_USER, BENCH_PASSWORD);
  if (endpoint.kind === 'http') {
    return new ExchangeClient({ url: endpoint.url, auth, ...(nodeHttp && { transport: nodeHttpTransport(BENCH_USER, BENCH_PASSWORD) }) });
  }
  const chunks = socketSizedChunks(endpoint.response);
  const transport: Transport = {
    send: async () => ({
      status: 200,
      headers: { 'content-type': 'text/xml; charset=utf-8' },
      body: Readable.from(chunks, { objectMode: false }),
      requestSent: true,
    }),
  };
  return new ExchangeClient({ url: 'http://127.0.0.1/EWS/Exchange.asmx', auth, transport });
}

/** What every variant reads of an item, so that no client can skip the work: the lengths of its fields. */
type BenchMessage = { $el?: string; Subject?: string; DateTimeReceived?: string; Categories?: string[]; From?: { Mailbox: { EmailAddress?: string } } };
type BenchCalendarItem = { $el?: string; Subject?: string; Body?: { $value: string }; Start?: string; RequiredAttendees?: unknown[] };

function messageWeight(item: BenchMessage): number {
  return (item.Subject?.length ?? 0) + (item.DateTimeReceived?.length ?? 0) + (item.Categories?.length ?? 0)
    + (item.From?.Mailbox.EmailAddress?.length ?? 0);
}

function calendarItemWeight(item: BenchCalendarItem): number {
  return (item.Subject?.length ?? 0) + (item.Body?.$value.length ?? 0) + (item.Start?.length ?? 0) + (item.RequiredAttendees?.length ?? 0);
}

/** GetItem's answer: the calendar items of one response message, counted and their fields read. */
function tallyCalendarItems(message: ArrayOfResponseMessagesTypeEntry, tally: { items: number; touched: number }): void {
  if (message.$el !== 'GetItemResponseMessage') return;
  for (const item of message.Items ?? []) {
    if (item.$el !== 'CalendarItem') continue;
    tally.touched += calendarItemWeight(item);
    tally.items++;
  }
}

/** CreateItem's answer: the items that came back with an id. */
function createdItems(message: ArrayOfResponseMessagesTypeEntry): number {
  if (message.$el !== 'CreateItemResponseMessage') return 0;
  let items = 0;
  for (const item of message.Items ?? []) if (item.ItemId?.Id) items++;
  return items;
}

function isNotFound(message: ResponseMessage): boolean {
  return message.responseClass === 'Error' && message.responseCode === 'ErrorItemNotFound';
}

async function findItemGrouped(ews: ExchangeClient, count: number): Promise<Outcome> {
  const { body } = await ews.call('FindItem', findItemGroupedRequest(count));
  let items = 0;
  let touched = 0;
  for (const message of body.ResponseMessages) {
    if (message.$el !== 'FindItemResponseMessage') continue;
    for (const group of message.RootFolder?.Groups ?? []) {
      for (const item of group.Items) {
        if (item.$el !== 'Message') continue;
        touched += messageWeight(item);
        items++;
      }
    }
  }
  return { items: touched > 0 ? items : 0, errors: 0 };
}

async function getItem(ews: ExchangeClient, ids: readonly string[]): Promise<Outcome> {
  const { body } = await ews.call('GetItem', getItemRequest(ids));
  const tally = { items: 0, touched: 0 };
  for (const message of body.ResponseMessages) tallyCalendarItems(message, tally);
  return { items: tally.touched > 0 ? tally.items : 0, errors: 0 };
}

async function createItem(ews: ExchangeClient, data: readonly Appointment[]): Promise<Outcome> {
  const { body, responseMessages } = await ews.call('CreateItem', createItemRequest(data));
  let items = 0;
  for (const message of body.ResponseMessages) items += createdItems(message);
  return { items, errors: responseMessages.length - items };
}

async function deleteItem(ews: ExchangeClient, ids: readonly string[]): Promise<Outcome> {
  const { responseMessages } = await ews.call('DeleteItem', deleteItemRequest(ids));
  const errors = responseMessages.filter(isNotFound).length;
  return { items: responseMessages.length, errors };
}

async function getItemStreamed(ews: ExchangeClient, ids: readonly string[]): Promise<Outcome> {
  const tally = { items: 0, touched: 0 };
  for await (const message of ews.stream('GetItem', getItemRequest(ids))) tallyCalendarItems(message.payload, tally);
  return { items: tally.touched > 0 ? tally.items : 0, errors: 0 };
}

async function createItemStreamed(ews: ExchangeClient, data: readonly Appointment[]): Promise<Outcome> {
  let items = 0;
  let messages = 0;
  for await (const message of ews.stream('CreateItem', createItemRequest(data))) {
    messages++;
    items += createdItems(message.payload);
  }
  return { items, errors: messages - items };
}

async function deleteItemStreamed(ews: ExchangeClient, ids: readonly string[]): Promise<Outcome> {
  let messages = 0;
  let errors = 0;
  for await (const message of ews.stream('DeleteItem', deleteItemRequest(ids))) {
    messages++;
    if (isNotFound(message)) errors++;
  }
  return { items: messages, errors };
}

async function findItemGroupedStreamed(ews: ExchangeClient, count: number): Promise<Outcome> {
  const request = findItemGroupedRequest(count);
  let items = 0;
  let touched = 0;
  let groups = 0;
  let lastGroup: string | undefined;
  // The request call() sends, through the entry stream that src/search's streamItems is built on.
  for await (const { entry, owner } of ews.streamEntries('FindItem', request, 'ArrayOfRealItemsType')) {
    const item = entry as BenchMessage;
    const group = (owner as { GroupIndex?: string }).GroupIndex;
    if (group !== lastGroup) {
      groups++;
      lastGroup = group;
    }
    if (item.$el !== 'Message') continue;
    touched += messageWeight(item);
    items++;
  }
  return { items: touched > 0 && groups > 0 ? items : 0, errors: 0 };
}
