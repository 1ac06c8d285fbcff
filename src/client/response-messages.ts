/**
 * Response messages as results: one per input of a batch operation, in order. A per-item error is
 * data here (responseClass `Error`), never an exception.
 */
import type { ArrayOfResponseMessagesTypeEntry, ResponseCodeType, ResponseMessageType } from '../../generated/messages';
import type { ResponseClassType } from '../../generated/types';
import type { ReadDiagnostic } from '../runtime/diagnostics';
import type { AnyEntry } from '../schema/instance';

/**
 * Our own response code for a response message that says nothing usable about its item: a missing or
 * unknown ResponseClass, or an element the schema does not know where the message belongs. The item's
 * outcome is then unknown to the client; the message is an error for it, never a success.
 */
export const INVALID_RESPONSE_CODE = 'ClientInvalidResponse';
export type ClientResponseCode = typeof INVALID_RESPONSE_CODE;

export interface ResponseMessage<P extends ResponseMessageType = ArrayOfResponseMessagesTypeEntry> {
  /** The response message element, e.g. `GetItemResponseMessage`. */
  readonly element: string;
  /** Always one of Success, Warning, Error: a message without a valid class is an Error (`ClientInvalidResponse`). */
  readonly responseClass: ResponseClassType;
  /** `NoError` when the server sent no code; `ClientInvalidResponse` when the message is unusable (see INVALID_RESPONSE_CODE). */
  readonly responseCode: ResponseCodeType | ClientResponseCode;
  readonly messageText?: string;
  readonly descriptiveLinkKey?: number;
  /** MessageXml as name → text, e.g. `{ BackOffMilliseconds: '5000' }` or `{ LineNumber: '2', … }`. */
  readonly messageXml: Readonly<Record<string, string>>;
  /** From MessageXml when the server asks the client to wait (ErrorServerBusy). */
  readonly backOffMilliseconds?: number;
  /** The whole typed response message (items, folders, attachments…); narrow it on `payload.$el`. */
  readonly payload: P;
  /** Values in this message that did not fit their schema type, and what the reader did (empty when none). */
  readonly diagnostics: readonly ReadDiagnostic[];
}

/**
 * The response messages of a response body that has them (most operations), else an empty list.
 * `diagnostics` are the reader's for the whole response; each message gets those of its own entry.
 */
export function responseMessagesOf(body: unknown, diagnostics: readonly ReadDiagnostic[] = NO_DIAGNOSTICS): ResponseMessage[] {
  const entries = (body as { ResponseMessages?: ArrayOfResponseMessagesTypeEntry[] } | undefined)?.ResponseMessages;
  if (!Array.isArray(entries)) return [];
  if (diagnostics.length === 0) return entries.map((entry) => toResponseMessage(entry));
  const byEntry = new Map<number, ReadDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.entryIndex !== undefined) (byEntry.get(diagnostic.entryIndex) ?? byEntry.set(diagnostic.entryIndex, []).get(diagnostic.entryIndex)!).push(diagnostic);
  }
  return entries.map((entry, i) => toResponseMessage(entry, byEntry.get(i)));
}

const RESPONSE_CLASSES: ReadonlySet<string> = new Set<ResponseClassType>(['Success', 'Warning', 'Error']);

export function toResponseMessage(entry: ArrayOfResponseMessagesTypeEntry, diagnostics: readonly ReadDiagnostic[] = NO_DIAGNOSTICS): ResponseMessage {
  // Built by assignment, not object spreads: a batch of 10,000 answers builds 10,000 of these.
  const xmlEntries = entry.MessageXml?.$any;
  const message: Mutable<ResponseMessage> = {
    element: entry.$el,
    responseClass: entry.ResponseClass,
    responseCode: entry.ResponseCode ?? 'NoError',
    messageXml: xmlEntries && xmlEntries.length > 0 ? messageXmlValues(xmlEntries) : NO_VALUES,
    payload: entry,
    diagnostics,
  };
  if (!RESPONSE_CLASSES.has(entry.ResponseClass) || (entry as { $xml?: unknown }).$xml !== undefined) return unusable(message, entry);
  if (entry.MessageText !== undefined) message.messageText = entry.MessageText;
  if (entry.DescriptiveLinkKey !== undefined) message.descriptiveLinkKey = entry.DescriptiveLinkKey;
  const backOff = Number(message.messageXml.BackOffMilliseconds);
  if (Number.isFinite(backOff) && backOff >= 0) message.backOffMilliseconds = backOff; // Number(undefined) is NaN
  return message;
}

/** A message that says nothing usable about its item (see INVALID_RESPONSE_CODE), with why. */
function unusable(message: Mutable<ResponseMessage>, entry: ArrayOfResponseMessagesTypeEntry): ResponseMessage {
  const raw = (entry as { $xml?: unknown }).$xml !== undefined;
  const sent = entry.ResponseClass as string | undefined;
  message.messageText = raw
    ? `the server answered <${entry.$el}>, which is no response message this client knows, where this item's response message belongs`
    : sent === undefined
      ? `the server's ${entry.$el} has no ResponseClass`
      : `the server's ${entry.$el} has ResponseClass ${JSON.stringify(sent)}, which is none of Success, Warning, Error`;
  if (entry.ResponseCode !== undefined) message.messageText += ` (its ResponseCode: ${entry.ResponseCode})`;
  message.responseClass = 'Error';
  message.responseCode = INVALID_RESPONSE_CODE;
  delete message.backOffMilliseconds;
  return message;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const NO_VALUES: Readonly<Record<string, string>> = Object.freeze({});
const NO_DIAGNOSTICS: readonly ReadDiagnostic[] = Object.freeze([]);

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
