/** The one retry policy: ExchangeClient's `retry` option, and the waits ItemBatches shares with it. */
export { systemClock } from './clock';
export type { Clock } from './clock';
export { EwsRetryWaitTooLongError } from './errors';
export { operationEffect } from './operations';
export type { OperationEffect } from './operations';
export type { RetryOptions } from './options';
