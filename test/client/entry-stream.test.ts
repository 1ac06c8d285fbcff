/**
 * The contract of what ExchangeClient.stream() returns (src/client/entry-stream.ts, a hand-written
 * AsyncGenerator): closing early releases the response, errors come after the entries read before them,
 * return() and throw() behave as a generator's, concurrent calls are served in order, the response is
 * not read ahead of the consumer, and a binary sink learns when the response is left or breaks off.
 */
import { PassThrough, Readable } from 'node:stream';
import { ExchangeClient } from '../../src/client/exchange-client';
import { EwsConnectionError, EwsMalformedResponseError } from '../../src/client/errors';
import type { Transport } from '../../src/client/transport';
import type { BinarySink } from '../../src/runtime/binary-content';
import { startLoopbackServer } from '../support/loopback-server';
import { soapResponse } from '../support/soap';

const M = 'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"';
const deleteRequest = { DeleteType: 'HardDelete' as const, ItemIds: [{ $el: 'ItemId' as const, Id: 'A' }] };

function deleteMessage(i: number): string {
  return i % 3 === 2
    ? '<m:DeleteItemResponseMessage ResponseClass="Error"><m:MessageText>not found</m:MessageText><m:ResponseCode>ErrorItemNotFound</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey></m:DeleteItemResponseMessage>'
    : '<m:DeleteItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode></m:DeleteItemResponseMessage>';
}

/** A DeleteItem answer of `count` messages, cut in two: the head (over the 1 KB the client peeks at) and the rest. */
function deleteResponse(count: number): { whole: string; head: string; rest: string } {
  const whole = soapResponse(`<m:DeleteItemResponse ${M}><m:ResponseMessages>${Array.from({ length: count }, (_, i) => deleteMessage(i)).join('')}</m:ResponseMessages></m:DeleteItemResponse>`);
  const cut = whole.indexOf('<m:DeleteItemResponseMessage', 2_000);
  return { whole, head: whole.slice(0, cut), rest: whole.slice(cut) };
}

/** A client whose transport answers every request with `body()`, counting requests. */
function clientWith(body: () => Readable): { client: ExchangeClient; sent: () => number } {
  let sent = 0;
  const transport: Transport = {
    send: async () => {
      sent++;
      return { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, requestSent: true, body: body() };
    },
  };
  return { client: new ExchangeClient({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', transport, retry: false }), sent: () => sent };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('ExchangeClient.stream(): the iterator contract', () => {
  it('break in for await destroys the response body', async () => {
    const { head } = deleteResponse(200);
    const source = new PassThrough();
    source.write(head); // the rest never comes
    const { client } = clientWith(() => source);
    let seen = 0;
    for await (const message of client.stream('DeleteItem', deleteRequest)) {
      expect(message.responseClass).toBe('Success');
      seen++;
      break;
    }
    expect(seen).toBe(1);
    expect(source.destroyed).toBe(true);
  });

  it('break over HTTP closes the connection of a response still being sent, and the next call gets a new one', async () => {
    const { head, whole } = deleteResponse(200);
    let closedEarly = 0;
    let served = 0;
    const server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      if (served++ > 0) return response.end(whole);
      response.write(head); // and keeps the response open
      response.once('close', () => { if (!response.writableEnded) closedEarly++; });
    });
    const client = new ExchangeClient({ url: server.url, retry: false });
    try {
      for await (const message of client.stream('DeleteItem', deleteRequest)) {
        expect(message.responseCode).toBe('NoError');
        break;
      }
      while (closedEarly === 0) await turn();
      let count = 0;
      for await (const _ of client.stream('DeleteItem', deleteRequest)) count++;
      expect(count).toBe(200);
      expect(server.requests.map((r) => r.connection)).toEqual([1, 2]);
    } finally {
      client.close();
      await server.close();
    }
  });

  it('hands over the messages read before the body failed, then rejects with the failure, then is done', async () => {
    const { head } = deleteResponse(200);
    const source = new PassThrough();
    const { client } = clientWith(() => source);
    const stream = client.stream('DeleteItem', deleteRequest);
    source.write(head);
    const first = await stream.next();
    expect(first).toMatchObject({ done: false, value: { responseCode: 'NoError' } });
    const failure = new EwsConnectionError('ECONNRESET', true, 'The connection to mail.contoso.com was closed by the server or a proxy');
    source.destroy(failure);
    const results: string[] = [];
    const error = await (async () => {
      for (let next = await stream.next(); !next.done; next = await stream.next()) results.push(next.value.responseCode);
    })().catch((e: unknown) => e);
    expect(results.length).toBeGreaterThan(0); // the rest of the head's messages
    expect(1 + results.length).toBe((head.match(/<m:DeleteItemResponseMessage /g) ?? []).length);
    expect(error).toBe(failure);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('return() is idempotent: it resolves with its value each time, and next() is done afterwards', async () => {
    const { head } = deleteResponse(200);
    const source = new PassThrough();
    source.write(head);
    const { client } = clientWith(() => source);
    const stream = client.stream('DeleteItem', deleteRequest);
    expect((await stream.next()).done).toBe(false);
    const value = { body: {}, responseMessages: [], diagnostics: [] } as never;
    expect(await stream.return(value)).toEqual({ done: true, value });
    expect(await stream.return(value)).toEqual({ done: true, value });
    expect(source.destroyed).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('return() before the first next() sends nothing', async () => {
    const { client, sent } = clientWith(() => Readable.from([Buffer.from(deleteResponse(3).whole)]));
    const stream = client.stream('DeleteItem', deleteRequest);
    expect(await stream.return(undefined as never)).toEqual({ done: true, value: undefined });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    expect(sent()).toBe(0);
  });

  it('throw() while reading closes the body and rejects with the error; before the first next() it sends nothing', async () => {
    const { head } = deleteResponse(200);
    const source = new PassThrough();
    source.write(head);
    const { client, sent } = clientWith(() => source);
    const stream = client.stream('DeleteItem', deleteRequest);
    await stream.next();
    const reason = new Error('the consumer gave up');
    await expect(stream.throw(reason)).rejects.toBe(reason);
    expect(source.destroyed).toBe(true);
    expect(await stream.next()).toEqual({ done: true, value: undefined });

    const unstarted = client.stream('DeleteItem', deleteRequest);
    await expect(unstarted.throw(reason)).rejects.toBe(reason);
    expect(await unstarted.next()).toEqual({ done: true, value: undefined });
    expect(sent()).toBe(1);
  });

  it('next() calls made without waiting are answered in call order, and a return() queued behind them ends it', async () => {
    const { whole } = deleteResponse(30);
    const { client } = clientWith(() => Readable.from([Buffer.from(whole)]));
    const stream = client.stream('DeleteItem', deleteRequest);
    const pending = Array.from({ length: 6 }, () => stream.next());
    const ended = stream.return(undefined as never);
    const late = stream.next();
    const results = await Promise.all(pending);
    expect(results.map((r) => (r.done ? 'done' : r.value.responseCode))).toEqual(
      ['NoError', 'NoError', 'ErrorItemNotFound', 'NoError', 'NoError', 'ErrorItemNotFound']);
    expect(await ended).toEqual({ done: true, value: undefined });
    expect(await late).toEqual({ done: true, value: undefined });
  });

  it('reads the response no further ahead than the consumer pulls', async () => {
    const { whole } = deleteResponse(3_000);
    const bytes = Buffer.from(whole);
    const pieces = Math.ceil(bytes.length / 4096);
    let pulled = 0;
    const source = new Readable({
      highWaterMark: 4096,
      read() {
        this.push(pulled < pieces ? bytes.subarray(pulled * 4096, ++pulled * 4096) : null);
      },
    });
    const { client } = clientWith(() => source);
    const stream = client.stream('DeleteItem', deleteRequest);
    await stream.next();
    for (let i = 0; i < 20; i++) await turn();
    expect(pieces).toBeGreaterThan(50);
    expect(pulled).toBeLessThan(10);
    let rest = 0;
    for await (const _ of stream) rest++;
    expect(rest).toBe(2_999);
    expect(pulled).toBe(pieces);
  });

  it('a body that breaks off causes no unhandled rejection, whether or not the consumer is still reading', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { head } = deleteResponse(200);
      const source = new PassThrough();
      source.write(head);
      const { client } = clientWith(() => source);
      const stream = client.stream('DeleteItem', deleteRequest);
      await stream.next();
      await stream.return(undefined as never);
      source.destroy(new Error('late failure'));
      const broken = new PassThrough();
      broken.end(head);
      const error = await (async () => {
        for await (const _ of clientWith(() => broken).client.stream('DeleteItem', deleteRequest)) { /* reads all */ }
      })().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EwsMalformedResponseError);
      for (let i = 0; i < 5; i++) await turn();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('ExchangeClient.stream(): binary sinks', () => {
  const content = Buffer.alloc(30_000, 0x41).toString('base64');
  const attachmentResponse = soapResponse(`<m:GetAttachmentResponse ${M} xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><m:ResponseMessages>`
    + '<m:GetAttachmentResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Attachments>'
    + `<t:FileAttachment><t:AttachmentId Id="AT1"/><t:Name>a.bin</t:Name><t:Content>${content}</t:Content></t:FileAttachment>`
    + '</m:Attachments></m:GetAttachmentResponseMessage>'
    + '<m:GetAttachmentResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Attachments>'
    + `<t:FileAttachment><t:AttachmentId Id="AT2"/><t:Name>b.bin</t:Name><t:Content>${content}</t:Content></t:FileAttachment>`
    + '</m:Attachments></m:GetAttachmentResponseMessage></m:ResponseMessages></m:GetAttachmentResponse>');
  const request = { AttachmentIds: [{ Id: 'AT1' }, { Id: 'AT2' }] };

  /** Sinks that record their bytes and how they ended. */
  function recordingSinks() {
    const sinks: { bytes: number; ended: boolean; failure?: Error }[] = [];
    const open = (): BinarySink => {
      const record: (typeof sinks)[number] = { bytes: 0, ended: false };
      sinks.push(record);
      return { write: (bytes) => { record.bytes += bytes.length; }, end: () => { record.ended = true; }, fail: (error) => { record.failure = error; } };
    };
    return { sinks, binaryContent: { elements: ['t:Content'], open } };
  }

  it('a sink receiving content fails when the body breaks off, after the complete messages were handed over', async () => {
    const cut = attachmentResponse.indexOf('<t:Content>', attachmentResponse.indexOf('AT2')) + 5_000;
    const source = new PassThrough();
    const { client } = clientWith(() => source);
    const { sinks, binaryContent } = recordingSinks();
    const stream = client.stream('GetAttachment', request, { binaryContent });
    source.write(attachmentResponse.slice(0, cut));
    expect((await stream.next()).done).toBe(false);
    source.destroy(new EwsConnectionError('ECONNRESET', true, 'The connection was closed'));
    await expect(stream.next()).rejects.toBeInstanceOf(EwsConnectionError);
    expect(sinks).toHaveLength(2);
    expect(sinks[0]).toMatchObject({ bytes: 30_000, ended: true });
    expect(sinks[1].ended).toBe(false);
    expect(sinks[1].failure).toBeInstanceOf(EwsConnectionError);
  });

  it('a sink receiving content fails when the consumer leaves the stream', async () => {
    const cut = attachmentResponse.indexOf('<t:Content>', attachmentResponse.indexOf('AT2')) + 5_000;
    const source = new PassThrough();
    source.write(attachmentResponse.slice(0, cut));
    const { client } = clientWith(() => source);
    const { sinks, binaryContent } = recordingSinks();
    for await (const _ of client.stream('GetAttachment', request, { binaryContent })) break;
    expect(source.destroyed).toBe(true);
    expect(sinks[1].ended).toBe(false);
    expect(sinks[1].failure?.message).toMatch(/left before it was read to the end/);
  });
});
