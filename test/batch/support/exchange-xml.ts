/**
 * Response XML as Exchange 2016 writes it (namespace prefixes, element order, texts of its messages),
 * for scripted answers.
 */
import { NS, soapFault, soapResponse } from '../../support/soap';

export const NOT_FOUND_TEXT = 'The specified object was not found in the store.';
export const SERVER_BUSY_TEXT = 'The server cannot service this request right now. Try again later.';

/** A whole response envelope: `<m:{operation}Response>` around the given response messages. */
export function responseEnvelope(operation: string, messages: readonly string[]): string {
  return soapResponse(
    `<m:${operation}Response xmlns:m="${NS.m}" xmlns:t="${NS.t}"><m:ResponseMessages>${messages.join('')}</m:ResponseMessages></m:${operation}Response>`,
  );
}

export function successMessage(operation: string, content = ''): string {
  return `<m:${operation}ResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>${content}</m:${operation}ResponseMessage>`;
}

export function errorMessage(operation: string, code: string, text: string, messageXml = '', content = ''): string {
  return `<m:${operation}ResponseMessage ResponseClass="Error"><m:MessageText>${text}</m:MessageText>` +
    `<m:ResponseCode>${code}</m:ResponseCode><m:DescriptiveLinkKey>0</m:DescriptiveLinkKey>` +
    (messageXml ? `<m:MessageXml>${messageXml}</m:MessageXml>` : '') + content + `</m:${operation}ResponseMessage>`;
}

/** `<m:Items>` with one item holding only its id, as CreateItem, UpdateItem, MoveItem and CopyItem answer. */
export function itemsWithId(element: string, id: string, changeKey: string, properties = ''): string {
  return `<m:Items><t:${element}><t:ItemId Id="${id}" ChangeKey="${changeKey}"/>${properties}</t:${element}></m:Items>`;
}

export function backOffXml(ms: number): string {
  return `<t:Value Name="BackOffMilliseconds">${ms}</t:Value>`;
}

/** Per-item throttling as Exchange reports it inside a batch response. */
export function serverBusyMessage(operation: string, backOffMs: number): string {
  return errorMessage(operation, 'ErrorServerBusy', SERVER_BUSY_TEXT, backOffXml(backOffMs), operation === 'DeleteItem' || operation === 'SendItem' ? '' : '<m:Items/>');
}

/** Throttling of the whole request: a SOAP fault with HTTP 500. */
export function serverBusyFault(backOffMs: number): { status: number; body: string } {
  return { status: 500, body: soapFault('ErrorServerBusy', SERVER_BUSY_TEXT, backOffXml(backOffMs)) };
}
