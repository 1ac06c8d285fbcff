/**
 * The CreateItem envelope as text, like the other builders: typed request → descriptor-driven writer.
 * (`client.call` writes the same envelope with writeEnvelopeUtf8, as bytes for the socket.)
 */
import { schema } from '../../generated/schema';
import { soapHeadersFor } from '../../src/client/soap-headers';
import { writeEnvelope } from '../../src/runtime/writer';
import type { Appointment } from '../fixtures/workload';
import { createItemRequest } from './typed-ews-requests';

export function createItemEnvelope(appointments: readonly Appointment[]): string {
  const operation = schema.operations.CreateItem;
  return writeEnvelope(schema, {
    headers: soapHeadersFor(operation, { version: 'Exchange2013_SP1' }),
    body: { element: operation.request, value: createItemRequest(appointments) },
  });
}
