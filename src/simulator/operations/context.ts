/**
 * What every operation handler receives and returns: the typed request body in, the typed response
 * body out (the shell reads and writes the XML), with the caller's mailbox already resolved.
 */
import type * as t from '../../../generated/types';
import type { OperationName, OperationTypes } from '../../../generated/operations';
import type { Mailbox } from '../store/mailbox';
import type { SimulatorState } from '../store/state';

export interface OperationContext {
  readonly state: SimulatorState;
  /** The caller's mailbox, or the impersonated one. */
  readonly mailbox: Mailbox;
  readonly requestServerVersion: t.ExchangeVersionType;
}

export type OperationHandler<K extends OperationName> = (
  context: OperationContext,
  request: OperationTypes[K]['request'],
) => OperationTypes[K]['response'];
