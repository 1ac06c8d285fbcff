import { readFileSync } from 'node:fs';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { EwsAbortError, EwsConnectionError, EwsTimeoutError } from '../../src/client/errors';
import type { TransportRequest } from '../../src/client/transport';
import { SDK_VERSION } from '../../src/client/version';
import { loopbackSession } from './helpers/loopback-session';
import { rejectionOf } from './helpers/secrets';
import { collectGarbage } from '../support/gc';

const ENVELOPE = '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>';

const loopback = loopbackSession();

function request(url: string, extra: Partial<TransportRequest> = {}): TransportRequest {
  return { url, body: ENVELOPE, headers: {}, ...extra };
}

describe('HttpTransport on the wire', () => {
  it('POSTs the envelope with Content-Type, quoted SOAPAction, User-Agent and the caller headers', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE));
    const transport = loopback.connect();
    const body = '<Envelope>Grüße, 日本</Envelope>';
    const response = await transport.send(
      request(server.url, {
        body,
        soapAction: 'http://schemas.microsoft.com/exchange/services/2006/messages/GetItem',
        headers: {
          'X-AnchorMailbox': 'anna@contoso.com',
          'X-PreferServerAffinity': 'true',
          'X-ClientStatistics': 'MessageId=1;ResponseTime=12;',
          'X-My-Header': 'mine',
        },
      }),
    );
    await text(response.body);
    const [received] = server.requests;
    expect(received!.method).toBe('POST');
    expect(received!.body).toBe(body);
    expect(received!.headers).toMatchObject({
      'content-type': 'text/xml; charset=utf-8',
      soapaction: '"http://schemas.microsoft.com/exchange/services/2006/messages/GetItem"',
      'user-agent': `typed-ews/${SDK_VERSION}`,
      'x-anchormailbox': 'anna@contoso.com',
      'x-preferserveraffinity': 'true',
      'x-clientstatistics': 'MessageId=1;ResponseTime=12;',
      'x-my-header': 'mine',
    });
    expect(received!.headers['authorization']).toBeUndefined();
  });

  it('sends a Buffer body with its Content-Length, and no pooled connection keeps the body alive afterwards', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE));
    const transport = loopback.connect();
    let body: Buffer | undefined = Buffer.from(`<Envelope>${'x'.repeat(1 << 20)}</Envelope>`);
    const collected = new WeakRef(body);
    const response = await transport.send(request(server.url, { body }));
    await text(response.body);
    expect(server.requests[0]!.headers['content-length']).toBe(String(body.length));
    expect(server.requests[0]!.body.length).toBe(body.length);
    body = undefined;
    // The keep-alive socket is still open (the agent keeps the options of the request that opened it).
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(collected.deref()).toBeUndefined();
  });

  it('resolves with status and lower-cased headers before the body has finished arriving', async () => {
    let finishBody: () => void = () => undefined;
    const server = await loopback.serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8', 'X-BackEndHttpStatus': '200' });
      response.write('<s:Envelope>');
      finishBody = () => response.end('</s:Envelope>');
    });
    const transport = loopback.connect();
    const response = await transport.send(request(server.url));
    expect(response.status).toBe(200);
    expect(response.requestSent).toBe(true);
    expect(response.headers['x-backendhttpstatus']).toBe('200');
    finishBody();
    expect(await text(response.body)).toBe('<s:Envelope></s:Envelope>');
  });

  it('reuses one keep-alive connection for consecutive requests', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE));
    const transport = loopback.connect();
    for (let i = 0; i < 3; i++) await text((await transport.send(request(server.url))).body);
    expect(server.requests.map((received) => received.connection)).toEqual([1, 1, 1]);
  });

  it('does not follow redirects: the 302 itself is the response', async () => {
    const server = await loopback.serve((_request, response) => {
      response.writeHead(302, { Location: 'https://elsewhere.example/owa/' }).end();
    });
    const transport = loopback.connect();
    const response = await transport.send(request(server.url));
    expect(response.status).toBe(302);
    expect(server.requests).toHaveLength(1);
  });

  it.each([['gzip', gzipSync], ['deflate', deflateSync], ['br', brotliCompressSync]] as const)(
    'asks for compressed answers and hands back a %s-compressed body decoded, without the encoding header',
    async (encoding, compress) => {
      const server = await loopback.serve((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/xml; charset=utf-8', 'content-encoding': encoding });
        response.end(compress(Buffer.from(ENVELOPE, 'utf8')));
      });
      const response = await loopback.connect().send(request(server.url));
      expect(await text(response.body)).toBe(ENVELOPE);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(server.requests[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
    },
  );

  it('refuses a URL that is not http or https, before any network activity', async () => {
    const transport = loopback.connect();
    await expect(transport.send(request('ftp://mail.contoso.com/EWS/Exchange.asmx'))).rejects.toThrow(TypeError);
    await expect(transport.send(request('not a url'))).rejects.toThrow(TypeError);
  });

  it('refuses credentials in the URL, which node:http would silently send as Basic auth', async () => {
    const transport = loopback.connect();
    await expect(transport.send(request('https://anna:hunter2@mail.contoso.com/EWS/Exchange.asmx'))).rejects.toThrow(
      "The EWS URL must not contain credentials; pass them as the transport's `auth` option",
    );
  });

  it('refuses a header value with a line break (header injection) as a caller error naming only the header', async () => {
    const transport = loopback.connect();
    const headers = { 'X-AnchorMailbox': 'anna@contoso.com\r\nX-Injected: 1' };
    await expect(transport.send(request('https://mail.contoso.com/EWS/Exchange.asmx', { headers }))).rejects.toThrow(
      new TypeError('Invalid HTTP header "X-AnchorMailbox"'),
    );
  });
});

describe('HttpTransport failures', () => {
  it('times out when the server never answers: EwsTimeoutError, request sent, outcome unknown', async () => {
    const server = await loopback.serve(() => undefined);
    const transport = loopback.connect();
    const started = Date.now();
    const error = await rejectionOf(transport.send(request(server.url, { timeoutMs: 300 })));
    expect(error).toBeInstanceOf(EwsTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300, requestSent: true, retryable: true, outcomeUnknown: true });
    expect(error.message).toBe('No complete response within 300 ms; the request had been sent, so the server may have processed it');
    expect(Date.now() - started).toBeGreaterThanOrEqual(299); // not before its time; jest's timeout catches a hang
  });

  it('times out while the body is streaming: the body fails with EwsTimeoutError', async () => {
    const server = await loopback.serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.write('<s:Envelope>'); // and never more
    });
    const transport = loopback.connect({ timeoutMs: 300 });
    const response = await transport.send(request(server.url));
    const error = await rejectionOf(text(response.body));
    expect(error).toBeInstanceOf(EwsTimeoutError);
    expect(error).toMatchObject({ requestSent: true });
  });

  it('a reset after the server read the whole body reports requestSent true', async () => {
    const server = await loopback.serve((_request, _response, raw) => raw.socket.destroy());
    const transport = loopback.connect();
    const error = await rejectionOf(transport.send(request(server.url)));
    expect(error).toBeInstanceOf(EwsConnectionError);
    expect(error).toMatchObject({ code: 'ECONNRESET', requestSent: true, outcomeUnknown: true, retryable: true });
    expect(error.message).toMatch(/^The connection to 127\.0\.0\.1:\d+ was closed by the server or a proxy \(ECONNRESET\); the request had been sent/);
  });

  it('a reset before the server read the body reports requestSent false', async () => {
    // 16 MiB cannot fit into the socket buffers of a peer that stops reading after the headers.
    const server = await loopback.serve((_request, _response, raw) => raw.socket.destroy(), { beforeBody: true });
    const transport = loopback.connect();
    const error = await rejectionOf(transport.send(request(server.url, { body: Buffer.alloc(16 * 1024 * 1024, 'x') })));
    expect(error).toBeInstanceOf(EwsConnectionError);
    expect(error).toMatchObject({ requestSent: false, outcomeUnknown: false });
    expect(['ECONNRESET', 'EPIPE']).toContain((error as EwsConnectionError).code);
  });

  it('a closed port gives EwsConnectionError ECONNREFUSED with the host named', async () => {
    const server = await loopback.serve(() => undefined);
    const url = server.url;
    await server.close(); // closing it again after the test is harmless
    const transport = loopback.connect();
    const error = await rejectionOf(transport.send(request(url)));
    expect(error).toBeInstanceOf(EwsConnectionError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', requestSent: false, outcomeUnknown: false });
    expect(error.message).toMatch(/^Connection to 127\.0\.0\.1:\d+ refused: nothing listens there/);
  });

  it('an AbortSignal aborted before sending rejects with EwsAbortError and sends nothing', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE));
    const transport = loopback.connect();
    const error = await rejectionOf(transport.send(request(server.url, { signal: AbortSignal.abort() })));
    expect(error).toBeInstanceOf(EwsAbortError);
    expect(error).toMatchObject({ requestSent: false, outcomeUnknown: false, retryable: false });
    expect(server.requests).toHaveLength(0);
  });

  it('an AbortSignal fired while waiting for the answer rejects with EwsAbortError, request sent', async () => {
    const controller = new AbortController();
    const server = await loopback.serve(() => controller.abort()); // fired once the server holds the request
    const transport = loopback.connect();
    const error = await rejectionOf(transport.send(request(server.url, { signal: controller.signal })));
    expect(error).toBeInstanceOf(EwsAbortError);
    expect(error).toMatchObject({ requestSent: true, outcomeUnknown: true });
  });

  it('an AbortSignal fired while the body streams fails the body with EwsAbortError', async () => {
    const server = await loopback.serve((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.write('<s:Envelope>');
    });
    const transport = loopback.connect();
    const controller = new AbortController();
    const response = await transport.send(request(server.url, { signal: controller.signal }));
    controller.abort();
    await expect(text(response.body)).rejects.toBeInstanceOf(EwsAbortError);
  });
});

describe('HttpTransport TLS', () => {
  const fixture = (name: string): string => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
  const tls = { key: fixture('loopback-key.pem'), cert: fixture('loopback-cert.pem') };

  it('verifies certificates by default: a self-signed one fails, not retryable, with a hint to pass `ca`', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE), { tls });
    const transport = loopback.connect();
    const error = await rejectionOf(transport.send(request(server.url)));
    expect(error).toBeInstanceOf(EwsConnectionError);
    expect(error).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', retryable: false, requestSent: false });
    expect(error.message).toContain("pass the issuing CA as the transport's `ca` option");
  });

  it('trusts a server whose certificate is given as `ca`', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE), { tls });
    const transport = loopback.connect({ ca: tls.cert });
    const response = await transport.send(request(server.url));
    expect(await text(response.body)).toBe(ENVELOPE);
  });

  it('accepts any certificate only when rejectUnauthorized is explicitly false', async () => {
    const server = await loopback.serve((_request, response) => response.end(ENVELOPE), { tls });
    const transport = loopback.connect({ rejectUnauthorized: false });
    const response = await transport.send(request(server.url));
    expect(response.status).toBe(200);
    await text(response.body);
  });
});
