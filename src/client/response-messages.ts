/**
 * Response messages as results: one per input of a batch operation, in order. A per-item error is
 * data here (responseClass `Error`), never an exception.
 */
import type { ArrayOfResponseMessagesTypeEntry, ResponseCodeType, ResponseMessageType } from '../../generated/messages';
import type { ResponseClassType } from '../../generated/types';
import type { AnyEntry } from '../schema/instance';

export interface ResponseMessage<P extends ResponseMessageType = ArrayOfResponseMessagesTypeEntry> {
  /** The response message element, e.g. `GetItemResponseMessage`. */
  readonly element: string;
  readonly responseClass: ResponseClassType;
  /** `NoError` when the server sent no code. */
  readonly responseCode: ResponseCodeType;
  readonly messageText?: string;
  readonly descriptiveLinkKey?: number;
  /** MessageXml as name → text, e.g. `{ BackOffMilliseconds: '5000' }` or `{ LineNumber: '2', … }`. */
  readonly messageXml: Readonly<Record<string, string>>;
  /** From MessageXml when the server asks the client to wait (ErrorServerBusy). */
  readonly backOffMilliseconds?: number;
  /** The whole typed response message (items, folders, attachments…); narrow it on `payload.$el`. */
  readonly payload: P;
}

/** The response messages of a response body that has them (most operations), else an empty list. */
export function responseMessagesOf(body: unknown): ResponseMessage[] {
  const entries = (body as { ResponseMessages?: ArrayOfResponseMessagesTypeEntry[] } | undefined)?.ResponseMessages;
  return Array.isArray(entries) ? entries.map(toResponseMessage) : [];
}

export function toResponseMessage(entry: ArrayOfResponseMessagesTypeEntry): ResponseMessage {
  // Built by assignment, not object spreads: a batch of 10,000 answers builds 10,000 of these.
  const xmlEntries = entry.MessageXml?.$any;
  const message: Mutable<ResponseMessage> = {
    element: entry.$el,
    responseClass: entry.ResponseClass,
    responseCode: entry.ResponseCode ?? 'NoError',
    messageXml: xmlEntries && xmlEntries.length > 0 ? messageXmlValues(xmlEntries) : NO_VALUES,
    payload: entry,
  };
  if (entry.MessageText !== undefined) message.messageText = entry.MessageText;
  if (entry.DescriptiveLinkKey !== undefined) message.descriptiveLinkKey = entry.DescriptiveLinkKey;
  const backOff = Number(message.messageXml.BackOffMilliseconds);
  if (Number.isFinite(backOff) && backOff >= 0) message.backOffMilliseconds = backOff; // Number(undefined) is NaN
  return message;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const NO_VALUES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * MessageXml holds `t:Value Name="…"` pairs (throttling, policies) or plain elements (`t:LineNumber`,
 * `t:FieldURI`); both flatten to name → text.
 */
export function messageXmlValues(entries: readonly AnyEntry[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const entry of entries) {
    const text = typeof entry.$value === 'string' ? entry.$value : entry.$xml !== undefined ? textOf(entry.$xml) : undefined;
    const name = typeof entry.Name === 'string' ? entry.Name : entry.$el;
    if (text !== undefined) values[name] = text;
    else for (const [key, value] of Object.entries(entry)) if (!key.startsWith('$') && typeof value !== 'object') values[key] = String(value);
  }
  return values;
}

/** Text content of a small raw XML fragment (MessageXml of elements the schema does not declare). */
function textOf(xml: string): string {
  return xml.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim();
}

/** Overall result of several messages: the worst class present. */
export function overallResult(messages: readonly { responseClass: ResponseClassType }[]): ResponseClassType {
  if (messages.some((m) => m.responseClass === 'Error')) return 'Error';
  if (messages.some((m) => m.responseClass === 'Warning')) return 'Warning';
  return 'Success';
}
