/**
 * ExchangeClient's retry policy against the simulator, with failures injected into chosen requests:
 * calls wait as the server asks and try again, operations that change the mailbox are sent again only
 * when the caller opts in and never after an unknown outcome, paging iterators repeat only the failed
 * page, a stream retries only before its first entry, and a wait ends with the caller's AbortSignal.
 */
import { basicAuth } from '../../src/client/auth';
import { EwsAbortError, EwsConnectionError, EwsSoapFaultError } from '../../src/client/errors';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsRetryWaitTooLongError, type Clock, type RetryOptions } from '../../src/retry';
import { findAllItems, propertySet, streamItems, type Item } from '../../src/search';
import { syncItems } from '../../src/sync';
import { text } from 'node:stream/consumers';
import { startSimulator, type InjectedFailure, type InjectionPoint, type RunningSimulator } from '../../src/simulator';
import { VirtualClock } from '../batch/support/virtual-clock';

const ALICE = { username: 'alice@contoso.com', password: 'Simulator-1' };
const INBOX = { $el: 'DistinguishedFolderId' as const, Id: 'inbox' as const };
const getInbox = { FolderShape: { BaseShape: 'IdOnly' as const }, FolderIds: [INBOX] };
const byReceived = { pageSize: 10, propertySet: propertySet('IdOnly', ['item:Subject']) };

interface Session {
  readonly sim: RunningSimulator;
  readonly client: ExchangeClient;
  readonly clock: VirtualClock;
  /** Fails the requests it answers for (numbered from the moment it is set, per operation too). */
  inject(failure: (request: InjectionPoint & { readonly nthOfOperation: number }) => InjectedFailure | undefined): void;
  /** EWS requests received since the last `inject`. */
  requests(): number;
}

let session: Session | undefined;
afterEach(async () => {
  session?.client.close();
  await session?.sim.close();
  session = undefined;
});

/** A simulator and a client on it whose retries wait on the session's virtual clock (`retry` over that). */
async function start(retry: RetryOptions | false = {}): Promise<Session> {
  let injector: ((request: InjectionPoint) => InjectedFailure | undefined) | undefined;
  let base = 0;
  const sim = await startSimulator({ seed: 'retry-test', injectFailure: (request) => injector?.(request) });
  const clock = new VirtualClock();
  const client = new ExchangeClient({ url: sim.url, auth: basicAuth(ALICE.username, ALICE.password), retry: retry && { clock, ...retry } });
  session = {
    sim, client, clock,
    inject(failure) {
      base = sim.requestCount();
      const seen = new Map<string, number>();
      injector = (request) => {
        const nthOfOperation = (seen.get(request.operation) ?? 0) + 1;
        seen.set(request.operation, nthOfOperation);
        return failure({ ...request, number: request.number - base, nthOfOperation });
      };
    },
    requests: () => sim.requestCount() - base,
  };
  return session;
}

/** `count` messages delivered to alice's inbox, subjects `m01`…, before any failure is injected. */
async function deliver(client: ExchangeClient, count: number): Promise<string[]> {
  const subjects = Array.from({ length: count }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);
  await client.call('CreateItem', {
    MessageDisposition: 'SendAndSaveCopy',
    Items: subjects.map((Subject) => ({ $el: 'Message' as const, Subject, ToRecipients: [{ EmailAddress: ALICE.username }] })),
  });
  return subjects;
}

function draft(Subject: string) {
  return { MessageDisposition: 'SaveOnly' as const, Items: [{ $el: 'Message' as const, Subject }] };
}

async function subjectsIn(client: ExchangeClient, folder: 'inbox' | 'drafts'): Promise<string[]> {
  const subjects: string[] = [];
  for await (const item of findAllItems(client, folder, byReceived, undefined, { retry: false })) subjects.push(subjectOf(item));
  return subjects.sort();
}

const subjectOf = (item: Item) => (item as { Subject?: string }).Subject ?? '';
const once = (failure: InjectedFailure) => ({ number }: InjectionPoint) => (number === 1 ? failure : undefined);

describe('call() waits as the server asks and tries again', () => {
  it('after a SOAP fault ErrorServerBusy, waits its BackOffMilliseconds and succeeds with the second attempt', async () => {
    const { client, clock, inject, requests } = await start();
    inject(once({ kind: 'serverBusy', backOffMilliseconds: 2500 }));
    const result = await client.call('GetFolder', getInbox);
    expect(result.responseMessages[0]!.responseClass).toBe('Success');
    expect(clock.sleeps).toEqual([2500]);
    expect(requests()).toBe(2);
  });

  it('after a 503 with Retry-After from the simulator, waits the seconds it names', async () => {
    const { client, clock, inject } = await start();
    inject(once({ kind: 'throttled', status: 503, retryAfter: '4' }));
    await client.call('GetFolder', getInbox);
    expect(clock.sleeps).toEqual([4000]);
  });

  it('gives up after maxAttempts and throws the last refusal', async () => {
    const { client, clock, inject, requests } = await start({ maxAttempts: 3 });
    inject(() => ({ kind: 'serverBusy', backOffMilliseconds: 100 }));
    const error = await client.call('GetFolder', getInbox).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsSoapFaultError);
    expect(error).toMatchObject({ responseCode: 'ErrorServerBusy' });
    expect(requests()).toBe(3);
    expect(clock.sleeps).toEqual([100, 100]);
  });

  it('fails at once with EwsRetryWaitTooLongError when the server asks for a longer wait than maxTotalWaitMs allows', async () => {
    const { client, clock, inject, requests } = await start({ maxTotalWaitMs: 60_000 });
    inject(once({ kind: 'serverBusy', backOffMilliseconds: 600_000 }));
    const error = await client.call('GetFolder', getInbox).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsRetryWaitTooLongError);
    expect(error).toMatchObject({ operation: 'GetFolder', requestedWaitMs: 600_000, allowedWaitMs: 60_000, retryable: true });
    expect((error as Error).message).toBe('GetFolder: the server asked to wait 600000 ms before retrying, more than the 60000 ms left of the retry budget (retry.maxTotalWaitMs)');
    expect((error as Error).cause).toBeInstanceOf(EwsSoapFaultError);
    expect(clock.sleeps).toEqual([]);
    expect(requests()).toBe(1);
  });

  it('retry: false on the client turns retrying off; a call can turn it on again for itself', async () => {
    const clock = new VirtualClock();
    const { client, inject, requests } = await start(false);
    inject(({ number }) => (number === 1 || number === 2 ? { kind: 'serverBusy', backOffMilliseconds: 300 } : undefined));
    await expect(client.call('GetFolder', getInbox)).rejects.toThrow(EwsSoapFaultError);
    expect(requests()).toBe(1);
    await client.call('GetFolder', getInbox, { retry: { clock } });
    expect(clock.sleeps).toEqual([300]);
    expect(requests()).toBe(3);
  });

  it('retry: false on a call turns retrying off for that call only', async () => {
    const { client, clock, inject, requests } = await start();
    inject(() => ({ kind: 'serverBusy', backOffMilliseconds: 300 }));
    await expect(client.call('GetFolder', getInbox, { retry: false })).rejects.toThrow(EwsSoapFaultError);
    expect(requests()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('open() retries whole', () => {
  it('a refused GetFolder is sent again, and the body handed over is the second answer', async () => {
    const { client, clock, inject, requests } = await start();
    inject(once({ kind: 'throttled', status: 503, retryAfter: '3' }));
    const { body } = await client.open('GetFolder', getInbox);
    expect(await text(body)).toContain('GetFolderResponseMessage ResponseClass="Success"');
    expect(clock.sleeps).toEqual([3000]);
    expect(requests()).toBe(2);
  });
});

describe('operations that change the mailbox', () => {
  it('CreateItem refused with ErrorServerBusy is not sent again by default: one request, no item', async () => {
    const { client, inject, requests } = await start();
    inject(once({ kind: 'serverBusy', backOffMilliseconds: 500 }));
    await expect(client.call('CreateItem', draft('not retried'))).rejects.toThrow(EwsSoapFaultError);
    expect(requests()).toBe(1);
    expect(await subjectsIn(client, 'drafts')).toEqual([]);
  });

  it('with retryNonIdempotent, CreateItem refused with ErrorServerBusy is sent again and creates exactly one item', async () => {
    const { client, clock, inject, requests } = await start({ retryNonIdempotent: true });
    inject(once({ kind: 'serverBusy', backOffMilliseconds: 500 }));
    await client.call('CreateItem', draft('retried once'));
    expect(requests()).toBe(2);
    expect(clock.sleeps).toEqual([500]);
    expect(await subjectsIn(client, 'drafts')).toEqual(['retried once']);
  });

  it('a CreateItem whose outcome is unknown (carried out, then the connection reset) is never sent again, even when opted in', async () => {
    const { client, inject, requests } = await start({ retryNonIdempotent: true });
    inject(once({ kind: 'resetAfterRunning' }));
    const error = await client.call('CreateItem', draft('acted once')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsConnectionError);
    expect(error).toMatchObject({ requestSent: true, outcomeUnknown: true });
    expect(requests()).toBe(1);
    expect(await subjectsIn(client, 'drafts')).toEqual(['acted once']);
  });

  it('a DeleteItem whose outcome is unknown is not sent again either: its second answer would be ErrorItemNotFound', async () => {
    const { client, inject, requests } = await start({ retryNonIdempotent: true });
    const created = await client.call('CreateItem', draft('deleted once'));
    const itemId = (created.responseMessages[0]!.payload as { Items?: { ItemId?: { Id: string } }[] }).Items![0]!.ItemId!;
    inject(once({ kind: 'resetAfterRunning' }));
    const error = await client.call('DeleteItem', { DeleteType: 'HardDelete', ItemIds: [{ $el: 'ItemId', Id: itemId.Id }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ requestSent: true, outcomeUnknown: true });
    expect(requests()).toBe(1);
    expect(await subjectsIn(client, 'drafts')).toEqual([]);
  });

  it('a read whose outcome is unknown is sent again: reading twice is harmless', async () => {
    const { client, inject, requests } = await start();
    inject(once({ kind: 'resetAfterRunning' }));
    await client.call('GetFolder', getInbox);
    expect(requests()).toBe(2);
  });
});

describe('paging iterators retry the failed page, not the whole walk', () => {
  it('findAllItems: the second FindItem page is refused, sent again, and every item comes exactly once, in order', async () => {
    const { client, clock, inject } = await start();
    const subjects = await deliver(client, 25);
    inject(({ operation, nthOfOperation }) => (operation === 'FindItem' && nthOfOperation === 2 ? { kind: 'serverBusy', backOffMilliseconds: 1200 } : undefined));
    const seen: string[] = [];
    const view = { ...byReceived, orderBy: [{ path: 'item:Subject' as const }] };
    for await (const item of findAllItems(client, 'inbox', view)) seen.push(subjectOf(item));
    expect(seen).toEqual(subjects);
    expect(clock.sleeps).toEqual([1200]);
    expect(session!.requests()).toBe(4); // pages 1, 2 (refused), 2 again, 3
  });

  it('findAllItems: a 429 on the last page is waited out the same way', async () => {
    const { client, clock, inject } = await start();
    const subjects = await deliver(client, 12);
    inject(({ operation, nthOfOperation }) => (operation === 'FindItem' && nthOfOperation === 2 ? { kind: 'throttled', status: 429, retryAfter: '2' } : undefined));
    const seen: string[] = [];
    for await (const item of findAllItems(client, 'inbox', { ...byReceived, orderBy: [{ path: 'item:Subject' as const }] })) seen.push(subjectOf(item));
    expect(seen).toEqual(subjects);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('syncItems: the refused second page is asked for again, and every message comes exactly once', async () => {
    const { client, clock, inject } = await start();
    const subjects = await deliver(client, 9);
    inject(({ operation, nthOfOperation }) => (operation === 'SyncFolderItems' && nthOfOperation === 2 ? { kind: 'serverBusy', backOffMilliseconds: 900 } : undefined));
    const created: string[] = [];
    for await (const page of syncItems(client, 'inbox', { pageSize: 4, propertySet: propertySet('IdOnly', ['item:Subject']) })) {
      for (const change of page.changes) if (change.kind === 'create') created.push(subjectOf(change.item as Item));
    }
    expect(created.sort()).toEqual(subjects);
    expect(clock.sleeps).toEqual([900]);
    expect(session!.requests()).toBe(4); // pages 1, 2 (refused), 2 again, 3
  });
});

describe('streams retry only before their first entry', () => {
  it('streamItems: an answer cut off before its first item is asked for again, and each item is handed over once', async () => {
    const { client, inject, requests } = await start();
    const subjects = await deliver(client, 5);
    inject(once({ kind: 'cutAnswer', afterBytes: 200 }));
    const seen: string[] = [];
    const stream = streamItems(client, 'inbox', { ...byReceived, orderBy: [{ path: 'item:Subject' }] });
    for await (const { item } of stream) seen.push(subjectOf(item));
    expect(seen).toEqual(subjects);
    expect(requests()).toBe(2);
  });

  it('streamItems: an answer cut off after items were handed over throws, and is not sent again', async () => {
    const { client, inject, requests } = await start();
    await deliver(client, 40);
    inject(once({ kind: 'cutAnswer', afterBytes: 4000 }));
    const seen: string[] = [];
    const walk = async () => {
      for await (const { item } of streamItems(client, 'inbox', { ...byReceived, pageSize: 40, orderBy: [{ path: 'item:Subject' }] })) seen.push(subjectOf(item));
    };
    await expect(walk()).rejects.toThrow(EwsConnectionError);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(40);
    expect(requests()).toBe(1);
  });

  it('client.stream: a refused GetFolder is sent again before any response message was handed over', async () => {
    const { client, clock, inject } = await start();
    inject(once({ kind: 'serverBusy', backOffMilliseconds: 700 }));
    const classes: string[] = [];
    for await (const message of client.stream('GetFolder', getInbox)) classes.push(message.responseClass);
    expect(classes).toEqual(['Success']);
    expect(clock.sleeps).toEqual([700]);
  });
});

describe('waiting respects the AbortSignal', () => {
  it('an abort while waiting for the server ends the call with EwsAbortError; nothing more is sent', async () => {
    const controller = new AbortController();
    /** A clock whose sleep lasts until the caller aborts, which it does as soon as the wait begins. */
    const waitsForAbort: Clock = {
      now: () => 0,
      random: () => 0.5,
      sleep: (_ms, signal) => new Promise((resolve) => {
        signal!.addEventListener('abort', () => resolve(), { once: true });
        controller.abort();
      }),
    };
    const { client, inject, requests } = await start({ clock: waitsForAbort });
    inject(() => ({ kind: 'serverBusy', backOffMilliseconds: 60_000 }));
    const error = await client.call('GetFolder', getInbox, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsAbortError);
    expect(error).toMatchObject({ requestSent: false, outcomeUnknown: false });
    expect(requests()).toBe(1);
  });
});

describe('content handed to a sink is never handed over twice', () => {
  /** A GetAttachment of a 300 KB file attachment whose t:Content streams into sinks that record what they got. */
  async function attachmentCall(client: ExchangeClient) {
    const content = Buffer.alloc(300 * 1024, 0x5a);
    const created = await client.call('CreateItem', { MessageDisposition: 'SaveOnly', Items: [{ $el: 'Message', Subject: 'with file', Attachments: [{ $el: 'FileAttachment', Name: 'a.bin', Content: content.toString('base64') }] }] });
    const itemId = (created.responseMessages[0].payload as { Items: { ItemId: { Id: string } }[] }).Items[0].ItemId;
    const item = await client.call('GetItem', { ItemShape: { BaseShape: 'IdOnly', AdditionalProperties: [{ $el: 'FieldURI', FieldURI: 'item:Attachments' }] }, ItemIds: [{ $el: 'ItemId', ...itemId }] });
    const attachmentId = (item.responseMessages[0].payload as { Items: { Attachments: { AttachmentId: { Id: string } }[] }[] }).Items[0].Attachments[0].AttachmentId.Id;
    const sinks: { bytes: Buffer[]; ended: boolean; failed?: Error }[] = [];
    const run = () => client.call('GetAttachment', { AttachmentIds: [{ Id: attachmentId }] }, {
      binaryContent: {
        elements: ['t:Content'],
        open: () => {
          const sink: (typeof sinks)[number] = { bytes: [], ended: false };
          sinks.push(sink);
          return { write: (bytes) => sink.bytes.push(bytes), end: () => { sink.ended = true; }, fail: (error) => { sink.failed = error; } };
        },
      },
    });
    return { content, sinks, run };
  }

  it('an answer cut off inside the streamed content fails its sink and is not sent again', async () => {
    const { client, inject, requests } = await start();
    const { sinks, run } = await attachmentCall(client);
    inject((request) => (request.operation === 'GetAttachment' ? { kind: 'cutAnswer', afterBytes: 100_000 } : undefined));
    await expect(run()).rejects.toThrow(EwsConnectionError);
    expect(requests()).toBe(1);
    expect(sinks).toHaveLength(1);
    expect(sinks[0].failed).toBeDefined();
  });

  it('an answer cut off before the content began is asked for again, and the one sink gets the whole content', async () => {
    const { client, inject, requests } = await start();
    const { content, sinks, run } = await attachmentCall(client);
    inject((request) => (request.operation === 'GetAttachment' && request.nthOfOperation === 1 ? { kind: 'cutAnswer', afterBytes: 200 } : undefined));
    await run();
    expect(requests()).toBe(2);
    expect(sinks).toHaveLength(1);
    expect(sinks[0].ended).toBe(true);
    expect(Buffer.concat(sinks[0].bytes).equals(content)).toBe(true);
  });
});
