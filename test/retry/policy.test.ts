/** Which failures are retried, which stop the batch, and which leave the outcome unknown. */
import {
  EwsAuthenticationError, EwsConnectionError, EwsMalformedResponseError, EwsServerError, EwsSoapFaultError, EwsStrictResponseError,
  EwsThrottledError, EwsTimeoutError,
} from '../../src/client/errors';
import { XmlReadError } from '../../src/runtime/errors';
import { backoffDelay, judgeFailure } from '../../src/retry/policy';

const failure = { status: 503, statusText: 'Service Unavailable', contentType: '', bodyPreview: '' };
const fault = (code: string, backOffMilliseconds?: number) => new EwsSoapFaultError({
  faultCode: `a:${code}`, faultString: code, detail: { responseCode: code, backOffMilliseconds, values: {} },
});

const truncated = new EwsMalformedResponseError(new XmlReadError('unclosed tag: m:Items', '/s:Envelope', 9, 1), { truncated: true });
const malformed = new EwsMalformedResponseError(new XmlReadError('unexpected close tag.', '/s:Envelope', 9, 1));

describe('judgeFailure', () => {
  it.each([
    ['a timeout after sending, for a create', new EwsTimeoutError(1000, true), 'once', { kind: 'outcomeUnknown' }],
    ['a timeout after sending, for a read', new EwsTimeoutError(1000, true), 'none', { kind: 'retry', serverDelayMs: undefined, reduceConcurrency: false }],
    ['a 502 without SOAP, for a create', new EwsServerError({ ...failure, status: 502 }), 'once', { kind: 'outcomeUnknown' }],
    ['a truncated response, for a create', truncated, 'once', { kind: 'outcomeUnknown' }],
    ['a truncated response, for a read: the next answer may be whole', truncated, 'none', { kind: 'retry', serverDelayMs: undefined, reduceConcurrency: false }],
    ['a complete response that cannot be read, for a read: no retry, it would fail the same way', malformed, 'none', { kind: 'fail' }],
    ['a complete response that cannot be read, for a delete: it may have acted, and resending cannot help', malformed, 'repeatable', { kind: 'outcomeUnknown' }],
    ['a complete response that cannot be read, for a create', malformed, 'once', { kind: 'outcomeUnknown' }],
    ['a response refused by strictResponses, for a read', new EwsStrictResponseError([]), 'none', { kind: 'fail' }],
    ['a refused connection, for a create', new EwsConnectionError('ECONNREFUSED', false, 'refused'), 'once', { kind: 'retry', serverDelayMs: undefined, reduceConcurrency: false }],
    ['ErrorServerBusy with a back-off', fault('ErrorServerBusy', 1500), 'once', { kind: 'retry', serverDelayMs: 1500, reduceConcurrency: false }],
    ['ErrorExceededConnectionCount', fault('ErrorExceededConnectionCount'), 'once', { kind: 'retry', serverDelayMs: undefined, reduceConcurrency: true }],
    ['503 with Retry-After', new EwsThrottledError(failure, 2000), 'once', { kind: 'retry', serverDelayMs: 2000, reduceConcurrency: false }],
    ['a schema validation fault', fault('ErrorSchemaValidation'), 'none', { kind: 'fail' }],
    ['a 401', new EwsAuthenticationError({ ...failure, status: 401 }, ['NTLM']), 'none', { kind: 'stopBatch' }],
    ['a certificate that cannot be verified', new EwsConnectionError('CERT_HAS_EXPIRED', false, 'TLS'), 'none', { kind: 'stopBatch' }],
    ['a bug (not an EwsError)', new TypeError('x is undefined'), 'none', { kind: 'fail' }],
  ] as const)('%s → %j', (_, error, effect, verdict) => {
    expect(judgeFailure(error, effect)).toEqual(verdict);
  });
});

describe('backoffDelay', () => {
  const settings = { initialDelayMs: 500, maxDelayMs: 30_000 };

  it('doubles per retry between half and all of the ceiling, capped at maxDelayMs', () => {
    expect([1, 2, 3].map((retry) => backoffDelay(retry, settings, 0))).toEqual([250, 500, 1000]);
    expect([1, 2, 3].map((retry) => backoffDelay(retry, settings, 0.99))).toEqual([498, 995, 1990]);
    expect(backoffDelay(20, settings, 0.999)).toBeLessThanOrEqual(30_000);
  });
});
