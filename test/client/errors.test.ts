import { inspect } from 'node:util';
import { AxiosError, AxiosHeaders } from 'axios';
import { XmlReadError } from '../../src/runtime/errors';
import {
  EwsConnectionError,
  EwsError,
  EwsHttpError,
  EwsMalformedResponseError,
  EwsRequestValidationError,
  EwsSoapFaultError,
  EwsThrottledError,
  EwsTimeoutError,
} from '../../src/client/errors';
import { expectNoSecrets } from './helpers/secrets';

const SCHEMA_FAULT = {
  faultCode: 'a:ErrorSchemaValidation',
  faultString: 'The request failed schema validation: The element ItemShape is invalid.',
  detail: {
    responseCode: 'ErrorSchemaValidation',
    message: 'The request failed schema validation: The element ItemShape is invalid.',
    lineNumber: 2,
    linePosition: 654,
    violation: 'The element ItemShape is invalid.',
    values: {},
  },
};

describe('EwsSoapFaultError', () => {
  it('names the response code, the message and the position in the request', () => {
    const error = new EwsSoapFaultError(SCHEMA_FAULT);
    expect(error.message).toBe(
      'SOAP fault ErrorSchemaValidation: The request failed schema validation: The element ItemShape is invalid. (line 2, position 654)',
    );
    expect(error).toMatchObject({ responseCode: 'ErrorSchemaValidation', lineNumber: 2, linePosition: 654, retryable: false });
  });

  it('falls back to the fault code and string when there is no detail', () => {
    const error = new EwsSoapFaultError({ faultCode: 's:Client', faultString: 'The request is invalid.' });
    expect(error.message).toBe('SOAP fault Client: The request is invalid.');
    expect(error.values).toEqual({});
  });

  it('ErrorServerBusy is retryable and tells how long to back off', () => {
    const error = new EwsSoapFaultError({
      faultCode: 'a:ErrorServerBusy',
      faultString: 'The server cannot service this request right now. Try again later.',
      detail: { responseCode: 'ErrorServerBusy', backOffMilliseconds: 25_000, values: { BackOffMilliseconds: '25000' } },
    });
    expect(error.message).toBe('SOAP fault ErrorServerBusy: The server cannot service this request right now. Try again later.; retry after 25000 ms');
    expect(error).toMatchObject({ retryable: true, outcomeUnknown: false, backOffMilliseconds: 25_000, values: { BackOffMilliseconds: '25000' } });
  });
});

describe('every error class', () => {
  it('has its own name in name, stack and JSON, and is an EwsError', () => {
    const error = new EwsTimeoutError(5000, false);
    expect(error.name).toBe('EwsTimeoutError');
    expect(error.stack).toMatch(/^EwsTimeoutError: No complete response within 5000 ms/);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'EwsTimeoutError',
      message: 'No complete response within 5000 ms; the request had not been sent completely',
      timeoutMs: 5000,
      requestSent: false,
      retryable: true,
      outcomeUnknown: false,
    });
    expect(error).toBeInstanceOf(EwsError);
    expect(new EwsThrottledError({ status: 429, statusText: 'Too Many Requests', contentType: '', bodyPreview: '' }, 1000)).toBeInstanceOf(
      EwsHttpError,
    );
  });
});

describe('secrets never reach an error', () => {
  it('a foreign cause is detached: the AxiosError with its config and Authorization header is not kept', () => {
    const config = { headers: new AxiosHeaders({ Authorization: 'Basic YW5uYTpodW50ZXIy' }), auth: { username: 'anna', password: 'hunter2' } };
    const cause = new AxiosError('socket hang up', 'ECONNRESET', config as never);
    const error = new EwsConnectionError('ECONNRESET', true, 'The connection to mail.contoso.com was closed', cause);
    expect(error.cause).not.toBe(cause);
    expect(error.cause).toMatchObject({ name: 'AxiosError', message: 'socket hang up', code: 'ECONNRESET' });
    expect(inspect(error, { depth: 10, showHidden: true })).toContain('socket hang up');
    expectNoSecrets(error, ['hunter2', 'YW5uYTpodW50ZXIy']);
  });

  it('a secret inside a cause message, a body preview or a problem list is scrubbed', () => {
    const preview = 'GET / HTTP/1.1\r\nAuthorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbm5hIn0.sig';
    const errors = [
      new EwsHttpError({ status: 400, statusText: 'Bad Request', contentType: 'text/plain', bodyPreview: preview }),
      new EwsMalformedResponseError(new Error('bad token near password=hunter2')),
      new EwsRequestValidationError(["Element 'Password': 'hunter2' is not a valid value", 'token=hunter2']),
    ];
    for (const error of errors) expectNoSecrets(error, ['eyJhbGciOiJub25lIn0', 'hunter2']);
  });
});

describe('EwsMalformedResponseError and EwsRequestValidationError', () => {
  it('a malformed response keeps the reader error as cause and names its position once; outcome unknown, not retryable', () => {
    const readerError = new XmlReadError('unexpected close tag.', '/soap:Envelope/soap:Body', 12, 40);
    const error = new EwsMalformedResponseError(readerError);
    expect(error.message).toBe('Malformed XML in the response: unexpected close tag. at /soap:Envelope/soap:Body (line 12, column 40)');
    expect(error.message.match(/line 12/g)).toHaveLength(1);
    expect(error.cause).toMatchObject({ name: 'XmlReadError', message: 'unexpected close tag. at /soap:Envelope/soap:Body (line 12, column 40)' });
    expect(error).toMatchObject({ line: 12, column: 40, outcomeUnknown: true, retryable: false, truncated: false });
  });

  it('a truncated response is retryable: the next answer may be whole', () => {
    const error = new EwsMalformedResponseError(new XmlReadError('unclosed tag: t:Items', '/soap:Envelope', 40, 1), { truncated: true });
    expect(error.message).toMatch(/^Truncated XML in the response: unclosed tag: t:Items/);
    expect(error).toMatchObject({ outcomeUnknown: true, retryable: true, truncated: true });
  });

  it('validation lists the first five problems and counts the rest', () => {
    const problems = Array.from({ length: 7 }, (_, i) => `problem ${i + 1}`);
    const error = new EwsRequestValidationError(problems);
    expect(error.message).toBe(
      'The request does not match the EWS schema and was not sent: problem 1; problem 2; problem 3; problem 4; problem 5 (and 2 more)',
    );
    expect(error.problems).toHaveLength(7);
  });
});
