import {
  EwsAuthenticationError,
  EwsHttpError,
  EwsServerError,
  EwsThrottledError,
  EwsUnexpectedResponseError,
} from '../../src/client/errors';
import { classifyHttpResponse, offeredAuthSchemes, parseRetryAfter, sniffBody } from '../../src/client/http-classify';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const XML = bytes('<?xml version="1.0" encoding="utf-8"?><s:Envelope/>');
const HTML = bytes('<!DOCTYPE html><html><body>Error</body></html>');

describe('sniffBody', () => {
  it.each([
    ['<s:Envelope xmlns:s="…">', 'xml'],
    ['\uFEFF  \r\n<?xml version="1.0"?><Envelope/>', 'xml'],
    ['<?xml version="1.0"?>\n<!-- generated --><soap:Envelope/>', 'xml'],
    ['<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">', 'html'],
    ['<?xml version="1.0"?><!DOCTYPE html><html>', 'html'],
    ['  <HTML><HEAD>', 'html'],
    ['<head><title>x</title>', 'html'],
    ['{"error":"x"}', 'json'],
    ['[1,2]', 'json'],
    ['Service Unavailable', 'text'],
    [' \r\n ', 'empty'],
    ['', 'empty'],
  ])('%j is %s', (body, kind) => {
    expect(sniffBody(bytes(body))).toBe(kind);
  });
});

describe('classifyHttpResponse', () => {
  it('parses XML bodies of 2xx and of 500 (SOAP faults), whatever the Content-Type says', () => {
    expect(classifyHttpResponse(200, { 'content-type': 'text/xml' }, XML)).toEqual({ kind: 'soap' });
    expect(classifyHttpResponse(200, { 'content-type': 'text/html' }, XML)).toEqual({ kind: 'soap' });
    expect(classifyHttpResponse(500, { 'content-type': 'text/xml' }, XML)).toEqual({ kind: 'soap' });
  });

  it('does not parse XML with other error statuses: a 503 or a 401 with XML is still that error', () => {
    const busy = classifyHttpResponse(503, { 'retry-after': '5' }, XML);
    expect(busy.kind === 'error' && busy.error).toBeInstanceOf(EwsThrottledError);
    const denied = classifyHttpResponse(401, {}, XML);
    expect(denied.kind === 'error' && denied.error).toBeInstanceOf(EwsAuthenticationError);
  });

  it('rejects HTML even with status 200, and an empty 200', () => {
    const html = classifyHttpResponse(200, { 'content-type': 'text/html' }, HTML);
    expect(html.kind === 'error' && html.error).toBeInstanceOf(EwsUnexpectedResponseError);
    const empty = classifyHttpResponse(200, {}, Buffer.alloc(0));
    expect(empty.kind === 'error' && empty.error.message).toBe(
      'Expected a SOAP (XML) response but got an empty body with HTTP 200 OK; the server may have carried out the request without answering',
    );
    // The request reached a server that answered nothing: it may have acted, so a caller must not blindly repeat it.
    expect(empty.kind === 'error' && empty.error.outcomeUnknown).toBe(true);
    expect(html.kind === 'error' && html.error.outcomeUnknown).toBe(false);
  });

  it('maps other 5xx to EwsServerError and other 4xx to EwsHttpError itself', () => {
    const gateway = classifyHttpResponse(504, {}, Buffer.alloc(0));
    expect(gateway.kind === 'error' && gateway.error).toBeInstanceOf(EwsServerError);
    const tooLarge = classifyHttpResponse(413, { 'content-type': 'text/html' }, HTML);
    expect(tooLarge.kind === 'error' && tooLarge.error.constructor).toBe(EwsHttpError);
    expect(tooLarge.kind === 'error' && tooLarge.error.message).toMatch(/^HTTP 413 Payload Too Large: unexpected HTTP status/);
  });

  it('keeps the preview to 200 characters', () => {
    const verdict = classifyHttpResponse(502, { 'content-type': 'text/plain' }, bytes('é'.repeat(500)));
    expect(verdict.kind === 'error' && (verdict.error as EwsServerError).bodyPreview).toBe('é'.repeat(200));
  });
});

describe('offeredAuthSchemes', () => {
  it.each([
    ['Negotiate, NTLM', ['Negotiate', 'NTLM']],
    ['NTLM TlRMTVNTUAACAAAA==', ['NTLM']],
    ['Basic realm="a, b", charset="UTF-8"', ['Basic']],
    ['Bearer realm="", error="invalid_token", Basic realm="x"', ['Bearer', 'Basic']],
    ['', []],
  ])('%j → %j', (header, schemes) => {
    expect(offeredAuthSchemes(header)).toEqual(schemes);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');

  it('reads delay-seconds and HTTP-dates, and never returns a negative delay', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(' ', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
