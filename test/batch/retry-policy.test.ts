/** Which failures are retried, which stop the batch, and which leave the outcome unknown. */
import {
  EwsAuthenticationError, EwsConnectionError, EwsMalformedResponseError, EwsServerError, EwsSoapFaultError, EwsThrottledError, EwsTimeoutError,
} from '../../src/client/errors';
import { backoffDelay, judgeFailure } from '../../src/batch/retry-policy';

const failure = { status: 503, statusText: 'Service Unavailable', contentType: '', bodyPreview: '' };
const fault = (code: string, backOffMilliseconds?: number) => new EwsSoapFaultError({
  faultCode: `a:${code}`, faultString: code, detail: { responseCode: code, backOffMilliseconds, values: {} },
});

describe('judgeFailure', () => {
  it.each([
    ['a timeout after sending, for a create', new EwsTimeoutError(1000, true), false, { kind: 'outcomeUnknown' }],
    ['a timeout after sending, for a read', new EwsTimeoutError(1000, true), true, { kind: 'retry', serverDelayMs: undefined, reduceConcurrency: false }],
    ['a 502 without SOAP, for a create', new EwsServerError({ ...failure, status: 502 }), false, { kind: 'outcomeUnknown' }],
    ['a truncated response, for a create', new EwsMalformedResponseError('unexpected end'), false, { kind: 'outcomeUnknown' }],
    ['a refused connection, for a create', new EwsConnectionError('ECONNREFUSED', false, 'refused'), false, { kind: 'retry', serverDelayMs: undefined, reduceConcurrency: false }],
    ['ErrorServerBusy with a back-off', fault('ErrorServerBusy', 1500), false, { kind: 'retry', serverDelayMs: 1500, reduceConcurrency: false }],
    ['ErrorExceededConnectionCount', fault('ErrorExceededConnectionCount'), false, { kind: 'retry', serverDelayMs: undefined, reduceConcurrency: true }],
    ['503 with Retry-After', new EwsThrottledError(failure, 2000), false, { kind: 'retry', serverDelayMs: 2000, reduceConcurrency: false }],
    ['a schema validation fault', fault('ErrorSchemaValidation'), true, { kind: 'fail' }],
    ['a 401', new EwsAuthenticationError({ ...failure, status: 401 }, ['NTLM']), true, { kind: 'stopBatch' }],
    ['a certificate that cannot be verified', new EwsConnectionError('CERT_HAS_EXPIRED', false, 'TLS'), true, { kind: 'stopBatch' }],
    ['a bug (not an EwsError)', new TypeError('x is undefined'), true, { kind: 'fail' }],
  ])('%s → %j', (_, error, mayResend, verdict) => {
    expect(judgeFailure(error, mayResend)).toEqual(verdict);
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
