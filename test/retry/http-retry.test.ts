/**
 * The retry policy over real HTTP from a tiny local server: 429/503 with Retry-After in seconds or as
 * an HTTP date, 503 without one (exponential back-off), and a connection reset before the request's
 * body was sent, which is safe to retry even for CreateItem once the caller opts in.
 */
import { EwsConnectionError, EwsThrottledError } from '../../src/client/errors';
import { ExchangeClient } from '../../src/client/exchange-client';
import type { RetryOptions } from '../../src/retry';
import { loopbackSession } from '../client/helpers/loopback-session';
import { NS, soapResponse } from '../support/soap';
import { VirtualClock } from '../batch/support/virtual-clock';

const loopback = loopbackSession();

const getFolderAnswer = soapResponse(`<m:GetFolderResponse xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>`
  + '<m:GetFolderResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>'
  + '<m:Folders><t:Folder><t:FolderId Id="inbox-id" ChangeKey="AQ"/><t:DisplayName>Inbox</t:DisplayName></t:Folder></m:Folders>'
  + '</m:GetFolderResponseMessage></m:ResponseMessages></m:GetFolderResponse>');
const createItemAnswer = soapResponse(`<m:CreateItemResponse xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>`
  + '<m:CreateItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>'
  + '<m:Items><t:Message><t:ItemId Id="new-id" ChangeKey="CQ"/></t:Message></m:Items>'
  + '</m:CreateItemResponseMessage></m:ResponseMessages></m:CreateItemResponse>');
const getInbox = { FolderShape: { BaseShape: 'IdOnly' as const }, FolderIds: [{ $el: 'DistinguishedFolderId' as const, Id: 'inbox' as const }] };

let clients: ExchangeClient[] = [];
afterEach(() => {
  for (const client of clients) client.close();
  clients = [];
});

function clientOf(url: string, retry: RetryOptions = {}): { client: ExchangeClient; clock: VirtualClock } {
  const clock = new VirtualClock();
  const client = new ExchangeClient({ url, retry: { clock, ...retry } });
  clients.push(client);
  return { client, clock };
}

/** A server that refuses the first `refused` requests with `status` and these headers, and answers the others with `answer`. */
function refusesFirst(status: number, headers: Record<string, string>, answer = getFolderAnswer, refused = 1) {
  return loopback.serve((_request, response) => {
    if (loopback.server.requests.length <= refused) {
      response.writeHead(status, { 'content-type': 'text/html', ...headers });
      response.end('<html><body>Service Unavailable</body></html>');
    } else {
      response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
      response.end(answer);
    }
  });
}

describe('429 and 503 over HTTP', () => {
  it('503 with Retry-After: 7 waits 7 seconds, then the second attempt answers', async () => {
    const server = await refusesFirst(503, { 'retry-after': '7' });
    const { client, clock } = clientOf(server.url);
    const result = await client.call('GetFolder', getInbox);
    expect(result.responseMessages[0]!.responseClass).toBe('Success');
    expect(clock.sleeps).toEqual([7000]);
    expect(server.requests).toHaveLength(2);
  });

  it('429 with Retry-After as an HTTP date waits until that moment', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 30_000);
    const server = await refusesFirst(429, { 'retry-after': at.toUTCString() });
    const { client, clock } = clientOf(server.url);
    await client.call('GetFolder', getInbox);
    expect(clock.sleeps).toHaveLength(1);
    // The date has whole seconds, and some milliseconds pass between computing it and reading the answer.
    expect(clock.sleeps[0]).toBeGreaterThan(29_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(31_000);
  });

  it('503 without Retry-After falls back to the exponential back-off with jitter', async () => {
    const server = await refusesFirst(503, {});
    const { client, clock } = clientOf(server.url, { initialDelayMs: 400 });
    await client.call('GetFolder', getInbox);
    expect(clock.sleeps).toEqual([300]); // half of 400, plus the virtual clock's jitter 0.5 of the other half
  });

  it('503 for CreateItem is not retried unless the caller opts in', async () => {
    const server = await refusesFirst(503, { 'retry-after': '1' }, createItemAnswer, 2);
    const { client, clock } = clientOf(server.url);
    const create = { MessageDisposition: 'SaveOnly' as const, Items: [{ $el: 'Message' as const, Subject: 'draft' }] };
    await expect(client.call('CreateItem', create)).rejects.toThrow(EwsThrottledError);
    expect(server.requests).toHaveLength(1);
    const result = await client.call('CreateItem', create, { retry: { retryNonIdempotent: true } });
    expect(result.responseMessages[0]!.responseClass).toBe('Success');
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000]);
  });
});

describe('a connection reset before the request was sent', () => {
  /** The first connection is reset as soon as the headers arrive, before the 16 MiB body can be sent; then requests are answered. */
  async function resetsFirstConnection() {
    let connections = 0;
    return loopback.serve((_request, response, raw) => {
      if (++connections === 1) return raw.socket.destroy();
      raw.resume();
      raw.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        response.end(createItemAnswer);
      });
    }, { beforeBody: true });
  }
  // 16 MiB cannot fit into the socket buffers of a peer that stops reading after the headers.
  const bigDraft = { MessageDisposition: 'SaveOnly' as const, Items: [{ $el: 'Message' as const, Subject: 'big', Body: { BodyType: 'Text' as const, $value: 'x'.repeat(16 * 1024 * 1024) } }] };

  it('is not retried for CreateItem by default: EwsConnectionError with requestSent false', async () => {
    const server = await resetsFirstConnection();
    const { client } = clientOf(server.url);
    const error = await client.call('CreateItem', bigDraft).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EwsConnectionError);
    expect(error).toMatchObject({ requestSent: false, outcomeUnknown: false });
    expect(server.requests).toHaveLength(1);
  });

  it('is retried for CreateItem with retryNonIdempotent, since the server never saw the request', async () => {
    const server = await resetsFirstConnection();
    const { client, clock } = clientOf(server.url, { retryNonIdempotent: true, initialDelayMs: 200 });
    const result = await client.call('CreateItem', bigDraft);
    expect(result.responseMessages[0]!.responseClass).toBe('Success');
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([150]);
  });
});
