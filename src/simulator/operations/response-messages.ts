/**
 * Building `ResponseMessages` entries: one per requested object, Success or Error, in request order.
 * Errors carry DescriptiveLinkKey 0 and the empty payload Exchange sends (`<m:Items/>`).
 */
import type * as m from '../../../generated/messages';
import { asResponseError, type ResponseError } from './errors';

export type ResponseElement = m.ArrayOfResponseMessagesTypeEntry['$el'];
export type ResponseEntry<E extends ResponseElement> = Extract<m.ArrayOfResponseMessagesTypeEntry, { $el: E }>;
export type StatusProperties = '$el' | 'ResponseClass' | 'ResponseCode' | 'MessageText' | 'DescriptiveLinkKey' | 'MessageXml';
export type ResponsePayload<E extends ResponseElement> = Omit<ResponseEntry<E>, StatusProperties>;

export function success<E extends ResponseElement>(element: E, payload: ResponsePayload<E>): ResponseEntry<E> {
  return { $el: element, ResponseClass: 'Success', ResponseCode: 'NoError', ...payload } as ResponseEntry<E>;
}

export function failure<E extends ResponseElement>(element: E, error: ResponseError, payload: ResponsePayload<E>): ResponseEntry<E> {
  const entry = { $el: element, ResponseClass: 'Error', MessageText: error.message, ResponseCode: error.code, DescriptiveLinkKey: 0, ...payload };
  if (error.messageXml) Object.assign(entry, { MessageXml: error.messageXml });
  return entry as ResponseEntry<E>;
}

/**
 * Runs the work for one requested object: its result as a Success message, or the EWS error it raised
 * as an Error message with `onError` as payload. Other exceptions are bugs and propagate.
 */
export function respond<E extends ResponseElement>(element: E, onError: ResponsePayload<E>, work: () => ResponsePayload<E>): ResponseEntry<E> {
  try {
    return success(element, work());
  } catch (error) {
    const responseError = asResponseError(error);
    if (!responseError) throw error;
    return failure(element, responseError, onError);
  }
}
