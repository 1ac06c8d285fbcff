/**
 * One chunk's request, read message by message: what the server answered before a response broke off
 * (or turned unreadable) is an answer, so that only the items after that point have an unknown outcome.
 */
import type { OperationName, OperationTypes } from '../../generated/operations';
import type { CallOptions, ExchangeClient } from '../client/exchange-client';
import type { ResponseMessage } from '../client/response-messages';

/** The request failed after the server's answers for the first `messages.length` items had been read. */
export class PartialAnswerError extends Error {
  override readonly name = 'PartialAnswerError';

  constructor(readonly messages: readonly ResponseMessage[], override readonly cause: unknown) {
    super(`the response failed after ${messages.length} response messages: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Sends the request and collects its response messages; a failure after some of them throws PartialAnswerError. */
export async function answersOf<Op extends OperationName>(
  client: ExchangeClient, operation: Op, request: OperationTypes[Op]['requestInput'], call: CallOptions,
): Promise<ResponseMessage[]> {
  const messages: ResponseMessage[] = [];
  try {
    for await (const message of client.stream(operation, request, call)) messages.push(message);
  } catch (error) {
    if (messages.length > 0) throw new PartialAnswerError(messages, error);
    throw error;
  }
  return messages;
}
