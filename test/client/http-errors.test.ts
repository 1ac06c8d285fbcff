/** Real HTTP responses through AxiosTransport and openSoapBody: which typed error, with which message. */
import type http from 'node:http';
import { buffer, text } from 'node:stream/consumers';
import {
  EwsAuthenticationError,
  EwsEndpointNotFoundError,
  EwsRedirectError,
  EwsServerError,
  EwsThrottledError,
  EwsUnexpectedResponseError,
} from '../../src/client/errors';
import { openSoapBody } from '../../src/client/soap-response';
import { loopbackSession } from './helpers/loopback-session';
import { rejectionOf } from './helpers/secrets';

const FAULT = `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault><faultcode>a:ErrorSchemaValidation</faultcode><faultstring>The request failed schema validation</faultstring></s:Fault></s:Body></s:Envelope>`;
const IIS_500_PAGE = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>IIS 10.0 Detailed Error - 500.19 - Internal Server Error</title></head><body>${'x'.repeat(400)}</body></html>`;

const loopback = loopbackSession();

/** Serves one canned response and returns what openSoapBody makes of it. */
async function answer(status: number, headers: http.OutgoingHttpHeaders, body: string | Buffer): Promise<NodeJS.ReadableStream> {
  const server = await loopback.serve((_request, response) => response.writeHead(status, headers).end(body));
  const transport = loopback.connect();
  return openSoapBody(await transport.send({ url: server.url, body: '<Envelope/>', headers: {} }));
}

async function failureOf(status: number, headers: http.OutgoingHttpHeaders, body: string | Buffer = ''): Promise<Error> {
  return rejectionOf(answer(status, headers, body));
}

describe('responses that are SOAP', () => {
  it('hands over a 200 XML body from its first byte, BOM and whitespace included', async () => {
    const body = Buffer.from(`\uFEFF\r\n  <?xml version="1.0"?><s:Envelope/>`);
    expect(await buffer(await answer(200, { 'Content-Type': 'text/xml; charset=utf-8' }, body))).toEqual(body);
  });

  it('hands over a large body intact: the peeked bytes are pushed back, not lost', async () => {
    const body = `<?xml version="1.0"?><Items>${'<Item>Grüße</Item>'.repeat(50_000)}</Items>`;
    expect(await text(await answer(200, { 'Content-Type': 'text/xml' }, body))).toBe(body);
  });

  it("a consumer using on('data') right away also gets every byte after the peek", async () => {
    const body = `<Items>${'<Item/>'.repeat(20_000)}</Items>`;
    const stream = await answer(200, { 'Content-Type': 'text/xml' }, body);
    const received = await new Promise<string>((resolve, reject) => {
      let collected = '';
      stream.on('data', (chunk: Buffer) => (collected += chunk.toString()));
      stream.once('end', () => resolve(collected));
      stream.once('error', reject);
    });
    expect(received).toBe(body);
  });

  it('parses a 500 carrying XML: Exchange sends SOAP faults with HTTP 500', async () => {
    expect(await text(await answer(500, { 'Content-Type': 'text/xml; charset=utf-8' }, FAULT))).toBe(FAULT);
  });
});

describe('responses that are errors', () => {
  it.each([
    ['NTLM', 'Negotiate', ['NTLM', 'Negotiate']],
    ['Basic realm="mail.contoso.com, main"', undefined, ['Basic']],
    ['Bearer authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="invalid_token"', undefined, ['Bearer']],
  ])('401 offering %s names the offered schemes', async (first, second, schemes) => {
    const offers = second === undefined ? first : [first, second];
    const error = await failureOf(401, { 'WWW-Authenticate': offers, 'Content-Type': 'text/html' }, '401 - Unauthorized');
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect((error as EwsAuthenticationError).offeredSchemes).toEqual(schemes);
    expect(error.message).toBe(
      `HTTP 401 Unauthorized: the server rejected the credentials; it offers ${schemes.join(', ')}. ` +
        'Check the user name, password and authentication scheme (text/html: "401 - Unauthorized")',
    );
  });

  it('403 is an authentication error that points at EWS access policy', async () => {
    const error = await failureOf(403, {}, '');
    expect(error).toBeInstanceOf(EwsAuthenticationError);
    expect(error.message).toMatch(/^HTTP 403 Forbidden: authenticated, but this account or application may not use EWS/);
    expect(error).toMatchObject({ retryable: false });
  });

  it('404 tells where the EWS endpoint usually is', async () => {
    const error = await failureOf(404, { 'Content-Type': 'text/html' }, '<html><body>Not Found</body></html>');
    expect(error).toBeInstanceOf(EwsEndpointNotFoundError);
    expect(error.message).toContain('check the EWS URL, usually https://host/EWS/Exchange.asmx');
    expect(error).toMatchObject({ status: 404, contentType: 'text/html', bodyPreview: '<html><body>Not Found</body></html>' });
  });

  it('429 with Retry-After in seconds is throttling with retryAfterMs', async () => {
    const error = await failureOf(429, { 'Retry-After': '30' });
    expect(error).toBeInstanceOf(EwsThrottledError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 30_000, retryable: true, outcomeUnknown: false });
    expect(error.message).toBe('HTTP 429 Too Many Requests: the server is throttling requests; retry after 30000 ms (empty body)');
  });

  it('503 with Retry-After as an HTTP-date is throttling with the time left until that date', async () => {
    const before = Date.now();
    const date = new Date(before + 10_000);
    const error = await failureOf(503, { 'Retry-After': date.toUTCString() });
    const after = Date.now();
    expect(error).toBeInstanceOf(EwsThrottledError);
    const { retryAfterMs } = error as EwsThrottledError;
    // An HTTP-date has whole seconds: the date sent is up to 1 s before `date`, read between before and after.
    const sent = Math.floor(date.getTime() / 1000) * 1000;
    expect(retryAfterMs).toBeGreaterThanOrEqual(sent - after);
    expect(retryAfterMs).toBeLessThanOrEqual(sent - before);
  });

  it('500 with an HTML page is a server error showing the content type and the first 200 characters', async () => {
    const error = await failureOf(500, { 'Content-Type': 'text/html; charset=utf-8' }, IIS_500_PAGE);
    expect(error).toBeInstanceOf(EwsServerError);
    const { bodyPreview } = error as EwsServerError;
    expect(bodyPreview).toBe(IIS_500_PAGE.slice(0, 200));
    expect(error.message).toBe(
      `HTTP 500 Internal Server Error: server error without a SOAP response (text/html; charset=utf-8: ${JSON.stringify(bodyPreview)})`,
    );
    expect(error).toMatchObject({ retryable: true, outcomeUnknown: true });
  });

  it('200 with an HTML page (a login portal) is an unexpected response, not something to parse', async () => {
    const page = '<!DOCTYPE html><html><head><title>Sign in</title></head><body><form/></body></html>';
    const error = await failureOf(200, { 'Content-Type': 'text/html' }, page);
    expect(error).toBeInstanceOf(EwsUnexpectedResponseError);
    expect(error.message).toBe(
      `Expected a SOAP (XML) response but got an HTML page with HTTP 200 OK (text/html: ${JSON.stringify(page)}); ` +
        'the URL may point at a web page or a proxy rather than EWS',
    );
  });

  it('200 with JSON is an unexpected response even when labelled text/xml', async () => {
    const error = await failureOf(200, { 'Content-Type': 'text/xml' }, '{"error":"nope"}');
    expect(error).toBeInstanceOf(EwsUnexpectedResponseError);
    expect(error.message).toContain('but got JSON with HTTP 200 OK');
  });

  it('502 with an empty body is a server error saying the body was empty', async () => {
    const error = await failureOf(502, {});
    expect(error).toBeInstanceOf(EwsServerError);
    expect(error.message).toBe('HTTP 502 Bad Gateway: server error without a SOAP response (empty body)');
  });

  it('302 is a redirect error naming the target, which was not followed', async () => {
    const error = await failureOf(302, { Location: 'https://mail.contoso.com/owa/auth/logon.aspx' });
    expect(error).toBeInstanceOf(EwsRedirectError);
    expect(error).toMatchObject({ location: 'https://mail.contoso.com/owa/auth/logon.aspx' });
    expect(error.message).toContain('redirects to https://mail.contoso.com/owa/auth/logon.aspx; redirects are not followed');
    expect(loopback.server.requests).toHaveLength(1);
  });

  it('drains a rejected body so the keep-alive connection serves the next request', async () => {
    const server = await loopback.serve((request, response) => {
      if (server.requests.length === 1) return void response.writeHead(500, { 'Content-Type': 'text/html' }).end(IIS_500_PAGE.repeat(50));
      response.writeHead(200, { 'Content-Type': 'text/xml' }).end(FAULT);
    });
    const transport = loopback.connect();
    const send = () => transport.send({ url: server.url, body: '<Envelope/>', headers: {} });
    await expect(send().then(openSoapBody)).rejects.toBeInstanceOf(EwsServerError);
    await text(await openSoapBody(await send()));
    expect(server.requests.map((request) => request.connection)).toEqual([1, 1]);
  });
});
